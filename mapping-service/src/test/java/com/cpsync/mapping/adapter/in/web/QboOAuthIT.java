package com.cpsync.mapping.adapter.in.web;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import com.cpsync.mapping.domain.access.ServiceAccessPolicy;
import com.cpsync.mapping.domain.connection.TokenCipher;
import com.cpsync.sandbox.QboSandboxApplication;
import com.cpsync.testsupport.MutableClock;
import com.cpsync.testsupport.apps.InProcessPeers;
import com.cpsync.testsupport.apps.StartInProcessPeers;
import com.cpsync.testsupport.auth.TestServiceKeys;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real OAuth 2.0 authorization-code flow against the real qbo-sandbox, started in-process (test-support):
 * its token endpoint rotates refresh tokens, so a double refresh or a lost rotation would break the connection.
 */
@StartInProcessPeers(sandbox = QboSandboxApplication.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@DirtiesContext
class QboOAuthIT {

    private static String sandboxUrl;

    @DynamicPropertySource
    static void qboEndpoints(DynamicPropertyRegistry registry) {
        sandboxUrl = InProcessPeers.running().sandboxUrl();
        registry.add("app.qbo.authorize-url", () -> sandboxUrl + "/connect/oauth2");
        registry.add("app.qbo.token-url", () -> sandboxUrl + "/oauth2/v1/tokens/bearer");
        ServiceCallers.trustTestKeys(registry);
    }

    @BeforeEach
    void signAsTheCallers() {
        http = ServiceCallers.asPermittedCallers(http);
    }

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock();
        }
    }

    @Autowired
    WebTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TokenCipher cipher;

    @Autowired
    MeterRegistry meters;

    @Autowired
    Clock clock;

    @LocalServerPort
    int port;

    private final WebClient plain = WebClient.create();

    @Test
    void shouldConnectThroughTheAuthorizationCodeFlowAndStoreTheTokensEncrypted() {
        Map<String, String> callback = authorize("t-flow", "realm-flow");

        http.get().uri(b -> b.path("/oauth/callback").queryParam("code", callback.get("code"))
                        .queryParam("state", callback.get("state")).queryParam("realmId", callback.get("realmId")).build())
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.tenantId").isEqualTo("t-flow")
                .jsonPath("$.realmId").isEqualTo("realm-flow")
                .jsonPath("$.status").isEqualTo("CONNECTED");

        String token = accessToken("t-flow", null).get("accessToken");
        assertThat(qboItemStatus("realm-flow", token)).isEqualTo(200);
        Map<String, Object> row = storedTokens("t-flow");
        assertThat((String) row.get("access_token_enc")).startsWith("v2:").doesNotContain(token);
        assertThat(cipher.decrypt((String) row.get("access_token_enc"))).isEqualTo(token);
        assertThat(cipher.decrypt((String) row.get("refresh_token_enc"))).startsWith("RT1-");
        assertThat((String) row.get("refresh_token_enc")).doesNotContain(cipher.decrypt((String) row.get("refresh_token_enc")));

        // a fresh token is handed out as is, with no refresh
        double refreshes = refreshCount();
        assertThat(accessToken("t-flow", null).get("accessToken")).isEqualTo(token);
        assertThat(refreshCount()).isEqualTo(refreshes);

        http.get().uri("/tenants/t-flow/connection").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("CONNECTED").jsonPath("$.accessTokenExpiresAt").isNotEmpty()
                .jsonPath("$.accessToken").doesNotExist();
        http.get().uri("/realms/realm-flow/connection").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.tenantId").isEqualTo("t-flow");
        http.get().uri("/connections").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.tenantId == 't-flow')].realmId").isEqualTo("realm-flow");

        // the state was single-use
        http.get().uri(b -> b.path("/oauth/callback").queryParam("code", callback.get("code"))
                        .queryParam("state", callback.get("state")).queryParam("realmId", "realm-flow").build())
                .exchange().expectStatus().isBadRequest();
        // and a realm serves one tenant at a time
        Map<String, String> other = authorize("t-other", "realm-flow");
        callback(other).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.message").value(m -> assertThat((String) m).contains("t-flow"));
    }

    @Test
    void shouldNeverRepointAConnectedTenantToAnotherRealmUntilItIsDisconnected() {
        connect("t-stay", "realm-stay");
        String message = "tenant t-stay is connected to QBO realm realm-stay; disconnect it first "
                + "(DELETE /tenants/t-stay/connection) to connect realm realm-other";

        http.get().uri("/tenants/t-stay/connection/authorize?realmId=realm-other").exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.message").isEqualTo(message);
        // a callback naming another realm than the consent was for (the realm is the callback's word)
        Map<String, String> consent = new HashMap<>(authorize("t-stay", "realm-stay"));
        consent.put("realmId", "realm-other");
        callback(consent).expectStatus().isEqualTo(409).expectBody().jsonPath("$.message").isEqualTo(message);
        http.get().uri("/tenants/t-stay/connection").exchange().expectBody()
                .jsonPath("$.realmId").isEqualTo("realm-stay").jsonPath("$.status").isEqualTo("CONNECTED");

        http.delete().uri("/tenants/t-stay/connection").exchange().expectStatus().isNoContent();
        connect("t-stay", "realm-other");
        http.get().uri("/tenants/t-stay/connection").exchange().expectBody()
                .jsonPath("$.realmId").isEqualTo("realm-other").jsonPath("$.status").isEqualTo("CONNECTED");
    }

    @Test
    void shouldRefreshARejectedOrExpiringTokenAndStoreTheRotatedRefreshToken() {
        connect("t-refresh", "realm-refresh");
        String first = accessToken("t-refresh", null).get("accessToken");
        String firstRefresh = cipher.decrypt((String) storedTokens("t-refresh").get("refresh_token_enc"));

        // after a 401 the caller hands back the rejected token
        String second = accessToken("t-refresh", first).get("accessToken");

        String secondRefresh = cipher.decrypt((String) storedTokens("t-refresh").get("refresh_token_enc"));
        assertThat(second).isNotEqualTo(first);
        assertThat(secondRefresh).isNotEqualTo(firstRefresh);
        assertThat(qboItemStatus("realm-refresh", second)).isEqualTo(200);
        assertThat(sandboxRefresh(firstRefresh)).as("the old refresh token is dead in QBO").isEqualTo(400);

        // 56 minutes later the token expires within 5 minutes: the next call refreshes first
        ((MutableClock) clock).advance(Duration.ofMinutes(56));
        Map<String, String> third = accessToken("t-refresh", null);

        assertThat(third.get("accessToken")).isNotEqualTo(second);
        assertThat(Instant.parse(third.get("expiresAt"))).isAfter(clock.instant().plus(Duration.ofMinutes(55)));
        assertThat(cipher.decrypt((String) storedTokens("t-refresh").get("refresh_token_enc")))
                .isNotEqualTo(secondRefresh);
        assertThat(qboItemStatus("realm-refresh", third.get("accessToken"))).isEqualTo(200);
    }

    @Test
    void shouldRefreshOnceWhenTwoCallersFindTheTokenExpired() {
        connect("t-race", "realm-race");
        String old = accessToken("t-race", null).get("accessToken");
        ((MutableClock) clock).advance(Duration.ofMinutes(61)); // past expiry, as our clock sees it
        double refreshes = refreshCount();

        Tuple2<Map<String, String>, Map<String, String>> both = Mono.zip(rawAccessToken("t-race"),
                rawAccessToken("t-race")).block(Duration.ofSeconds(30));

        assertThat(refreshCount() - refreshes).isEqualTo(1.0);
        assertThat(both.getT1().get("accessToken")).isEqualTo(both.getT2().get("accessToken")).isNotEqualTo(old);
        assertThat(qboItemStatus("realm-race", both.getT1().get("accessToken"))).isEqualTo(200);
        assertThat(accessToken("t-race", null).get("accessToken")).isEqualTo(both.getT1().get("accessToken"));
    }

    @Test
    void shouldMarkTheConnectionDisconnectedWhenTheRefreshTokenIsDead() {
        connect("t-dead", "realm-dead");
        String token = accessToken("t-dead", null).get("accessToken");
        String refresh = cipher.decrypt((String) storedTokens("t-dead").get("refresh_token_enc"));
        InProcessPeers.running().revokeToken(refresh);

        requestAccessToken("t-dead", token)
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.error").isEqualTo("disconnected");

        assertDisconnectedWithoutTokens("t-dead");
    }

    @Test
    void shouldStayDisconnectedWhenTheStoredRefreshTokenCannotBeDecrypted() {
        connect("t-tampered", "realm-tampered");
        String token = accessToken("t-tampered", null).get("accessToken");
        // the access token still decrypts; only the refresh token, read under the row lock, is unusable
        jdbc.sql("update connections set refresh_token_enc = :enc where tenant_id = 't-tampered'")
                .param("enc", "v2:" + cipher.ring().currentKeyId() + ":" + Base64.getEncoder().encodeToString(new byte[40]))
                .update();

        requestAccessToken("t-tampered", token)
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.message")
                .value(m -> assertThat((String) m).contains("cannot be decrypted"));

        // the disconnect is not rolled back with the failed refresh
        assertDisconnectedWithoutTokens("t-tampered");
    }

    @Test
    void shouldDropTheTokensWhenATenantDisconnects() {
        connect("t-bye", "realm-bye");

        http.delete().uri("/tenants/t-bye/connection").exchange().expectStatus().isNoContent();

        assertDisconnectedWithoutTokens("t-bye");
        http.post().uri("/tenants/t-bye/connection/access-token").exchange().expectStatus().isEqualTo(409);
        http.get().uri("/connections").exchange().expectBody()
                .jsonPath("$[?(@.tenantId == 't-bye')]").doesNotExist();
    }

    /** Follows our authorize redirect to the sandbox, which auto-approves and redirects to our callback. */
    private Map<String, String> authorize(String tenant, String realm) {
        URI toQbo = http.get().uri("/tenants/{t}/connection/authorize?realmId={r}", tenant, realm).exchange()
                .expectStatus().isFound().returnResult(Void.class).getResponseHeaders().getLocation();
        URI toCallback = plain.get().uri(toQbo).exchangeToMono(r -> Mono.just(r.headers().asHttpHeaders()))
                .block(Duration.ofSeconds(10)).getLocation();
        assertThat(toCallback.toString()).startsWith("http://localhost:" + port + "/oauth/callback?");
        MultiValueMap<String, String> query = UriComponentsBuilder.fromUri(toCallback).build().getQueryParams();
        return Map.of("code", decode(query.getFirst("code")), "state", decode(query.getFirst("state")),
                "realmId", decode(query.getFirst("realmId")));
    }

    private WebTestClient.ResponseSpec callback(Map<String, String> params) {
        return http.get().uri(b -> b.path("/oauth/callback").queryParam("code", params.get("code"))
                .queryParam("state", params.get("state")).queryParam("realmId", params.get("realmId")).build())
                .exchange();
    }

    private void connect(String tenant, String realm) {
        callback(authorize(tenant, realm)).expectStatus().isOk();
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> accessToken(String tenant, String rejected) {
        return requestAccessToken(tenant, rejected).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec requestAccessToken(String tenant, String rejected) {
        return http.post().uri("/tenants/{t}/connection/access-token", tenant).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(rejected == null ? Map.of() : Map.of("rejectedAccessToken", rejected)).exchange();
    }

    private void assertDisconnectedWithoutTokens(String tenant) {
        http.get().uri("/tenants/{t}/connection", tenant).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("DISCONNECTED");
        assertThat(storedTokens(tenant))
                .containsEntry("access_token_enc", null).containsEntry("refresh_token_enc", null);
    }

    @SuppressWarnings("unchecked")
    private Mono<Map<String, String>> rawAccessToken(String tenant) {
        return plain.post().uri("http://localhost:" + port + "/tenants/" + tenant + "/connection/access-token")
                .header(HttpHeaders.AUTHORIZATION, TestServiceKeys.bearer(ServiceAccessPolicy.QBO_INBOUND))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .retrieve().bodyToMono(Map.class).map(m -> (Map<String, String>) m);
    }

    private int qboItemStatus(String realm, String accessToken) {
        return plain.get().uri(sandboxUrl + "/v3/company/" + realm + "/item/1?minorversion=75")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken).accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value())).block(Duration.ofSeconds(10));
    }

    private int sandboxRefresh(String refreshToken) {
        return plain.post().uri(sandboxUrl + "/oauth2/v1/tokens/bearer").header(HttpHeaders.AUTHORIZATION, basicAuth())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("grant_type=refresh_token&refresh_token=" + refreshToken)
                .exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value())).block(Duration.ofSeconds(10));
    }

    private Map<String, Object> storedTokens(String tenant) {
        return jdbc.sql("select access_token_enc, refresh_token_enc from connections where tenant_id = ?")
                .param(tenant).query().singleRow();
    }

    private double refreshCount() {
        var counter = meters.find("mapping.oauth.refreshes").tag("result", "success").counter();
        return counter == null ? 0 : counter.count();
    }

    private static String basicAuth() {
        return "Basic " + Base64.getEncoder().encodeToString("local-client-id:local-client-secret"
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
