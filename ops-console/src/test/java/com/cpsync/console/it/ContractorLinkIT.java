package com.cpsync.console.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.cpsync.console.domain.contractor.ContractorLinks;
import com.cpsync.schemas.Topics;
import com.cpsync.schemas.avro.SyncEntityType;
import com.cpsync.schemas.avro.SyncResult;

import static com.cpsync.console.it.Records.anOutcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A contractor's signed link opens one tenant's read-only trail, and nothing else. */
class ContractorLinkIT extends ConsoleItBase {

    @Autowired
    ContractorLinks links;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void shouldOpenTheTenantsTrailAndRefuseEverythingElse() throws Exception {
        publish(Topics.SYNC_OUTCOMES, tenant, anOutcome(tenant, SyncEntityType.SERVICE_INVOICE, "inv-5", null,
                SyncResult.FAILED, "QBO refused: 6240 the name is used by Vendor 12", Instant.now()));
        await().atMost(WAIT).untilAsserted(() -> assertThat(operator().ok("/api/tenants/" + tenant + "/outcomes"))
                .hasSize(1));

        HttpResponse<String> entered = get(link(tenant, Instant.now().plus(Duration.ofHours(1))));

        assertThat(entered.statusCode()).isEqualTo(302);
        assertThat(entered.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/shared/" + tenant));
        HttpResponse<String> trail = get("/shared/" + tenant);
        assertThat(trail.statusCode()).isEqualTo(200);
        assertThat(trail.body()).contains("6240 the name is used by Vendor 12");
        assertThat(get("/shared/another-" + tenant).statusCode()).isEqualTo(403);
        assertThat(get("/tenants").statusCode()).isEqualTo(403);
        assertThat(get("/dead-letters").statusCode()).isEqualTo(403);
        assertThat(get("/api/tenants").statusCode()).isEqualTo(403);
    }

    @Test
    void shouldRefuseAnExpiredOrForgedLinkAndOpenNothing() throws Exception {
        HttpResponse<String> expired = get(link(tenant, Instant.now().minusSeconds(60)));
        String valid = link(tenant, Instant.now().plus(Duration.ofHours(1)));
        HttpResponse<String> forged = get(valid.replace("/contractor/" + tenant, "/contractor/other-" + tenant));

        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.body()).contains("the link has expired");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("the link is not valid");
        HttpResponse<String> afterwards = get("/shared/" + tenant);
        assertThat(afterwards.statusCode()).as("no session was opened").isEqualTo(302);
        assertThat(afterwards.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
    }

    private String link(String tenantId, Instant expires) {
        long epochSeconds = expires.getEpochSecond();
        return "/contractor/" + tenantId + "?expires=" + epochSeconds + "&signature="
                + links.sign(tenantId, epochSeconds);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
