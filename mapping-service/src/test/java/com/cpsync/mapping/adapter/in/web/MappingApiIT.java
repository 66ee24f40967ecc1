package com.cpsync.mapping.adapter.in.web;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP API against the real embedded PostgreSQL the service starts when no database URL is configured. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class MappingApiIT {

    @Autowired
    WebTestClient http;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void callerKeys(DynamicPropertyRegistry registry) {
        ServiceCallers.trustTestKeys(registry);
    }

    @BeforeEach
    void signAsTheCallers() {
        http = ServiceCallers.asPermittedCallers(http);
    }

    private WebTestClient.ResponseSpec putLink(String tenant, String type, String cpId, String body) {
        return http.put().uri("/tenants/{t}/links/{type}/{cp}", tenant, type, cpId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @Test
    void shouldStoreALinkAndFindItBothWays() {
        putLink("t-links", "COMPANY", "c1", "{\"qboId\":\"58\"}").expectStatus().isOk().expectBody()
                .json("{\"tenantId\":\"t-links\",\"entityType\":\"COMPANY\",\"centerpointId\":\"c1\",\"qboId\":\"58\"}")
                .jsonPath("$.createdAt").isNotEmpty();

        http.get().uri("/tenants/t-links/links/COMPANY/c1").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.qboId").isEqualTo("58");
        http.get().uri("/tenants/t-links/links/COMPANY?qboId=58").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.centerpointId").isEqualTo("c1");
        http.get().uri("/tenants/t-links/links/PROJECT/c1").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.error").isEqualTo("not_found");
        http.get().uri("/tenants/other-tenant/links/COMPANY?qboId=58").exchange().expectStatus().isNotFound();
    }

    @Test
    void shouldLookUpManyLinksInOneCallLeavingOutTheUnlinkedAndOtherTenantsAndTypes() {
        putLink("t-lookup", "COMPANY", "c1", "{\"qboId\":\"71\"}").expectStatus().isOk();
        putLink("t-lookup", "COMPANY", "c2", "{\"qboId\":\"72\"}").expectStatus().isOk();
        putLink("t-lookup", "PROJECT", "c3", "{\"qboId\":\"73\"}").expectStatus().isOk();
        putLink("t-lookup-other", "COMPANY", "c4", "{\"qboId\":\"74\"}").expectStatus().isOk();

        http.post().uri("/tenants/t-lookup/links/COMPANY/lookup").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"centerpointIds\":[\"c1\",\"c2\",\"c3\",\"c4\",\"never-linked\"]}").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.links.length()").isEqualTo(2)
                .jsonPath("$.links[?(@.centerpointId == 'c1')].qboId").isEqualTo("71")
                .jsonPath("$.links[?(@.centerpointId == 'c2')].qboId").isEqualTo("72");
        http.post().uri("/tenants/t-lookup/links/COMPANY/lookup").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"centerpointIds\":[]}").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.links.length()").isEqualTo(0);
    }

    @Test
    void shouldAnswerTheSameLinkWhenThePairIsPutAgain() {
        String first = putLink("t-idem", "PROJECT", "p1", "{\"qboId\":\"70\"}").expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        String second = putLink("t-idem", "PROJECT", "p1", "{\"qboId\":\"70\"}").expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void shouldRefuseALinkThatContradictsAnExistingOneNamingIt() {
        putLink("t-clash", "COMPANY", "c1", "{\"qboId\":\"58\"}").expectStatus().isOk();

        putLink("t-clash", "COMPANY", "c2", "{\"qboId\":\"58\"}").expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.error").isEqualTo("conflict")
                .jsonPath("$.message").isEqualTo("QBO id 58 is already linked to COMPANY c1");
        putLink("t-clash", "COMPANY", "c1", "{\"qboId\":\"59\"}").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.message").isEqualTo("COMPANY c1 is already linked to QBO id 58");
        // the same ids under another entity type or tenant are independent
        putLink("t-clash", "SERVICE_TICKET", "c2", "{\"qboId\":\"58\"}").expectStatus().isOk();
        putLink("t-clash-2", "COMPANY", "c2", "{\"qboId\":\"58\"}").expectStatus().isOk();
    }

    @Test
    void shouldRepointLinksAfterAQboMerge() {
        putLink("t-merge", "COMPANY", "c1", "{\"qboId\":\"27\"}").expectStatus().isOk();
        putLink("t-merge", "COMPANY", "c9", "{\"qboId\":\"99\"}").expectStatus().isOk();

        repoint("27", "123").expectStatus().isOk().expectBody().jsonPath("$.repointed").isEqualTo(1);

        http.get().uri("/tenants/t-merge/links/COMPANY/c1").exchange()
                .expectBody().jsonPath("$.qboId").isEqualTo("123");
        http.get().uri("/tenants/t-merge/links/COMPANY?qboId=27").exchange().expectStatus().isNotFound();
        repoint("27", "123").expectStatus().isOk().expectBody().jsonPath("$.repointed").isEqualTo(0);
        repoint("123", "99").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.message").value(m -> assertThat((String) m).contains("COMPANY c9"));
    }

    private WebTestClient.ResponseSpec repoint(String fromQboId, String toQboId) {
        return http.post().uri("/tenants/t-merge/links/COMPANY/repoint").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("fromQboId", fromQboId, "toQboId", toQboId)).exchange();
    }

    @Test
    void shouldRecordWritesAndKeepTheLatestPerEntity() {
        http.get().uri("/realms/r-writes/writes/Customer/58").exchange().expectStatus().isNotFound();
        postWrite("{\"tenantId\":\"t1\",\"qboEntity\":\"Customer\",\"qboId\":\"58\",\"syncToken\":\"0\"}");
        postWrite("{\"tenantId\":\"t1\",\"qboEntity\":\"Customer\",\"qboId\":\"58\",\"syncToken\":\"1\","
                + "\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}");

        http.get().uri("/realms/r-writes/writes/Customer/58").exchange().expectStatus().isOk().expectBody()
                .json("{\"qboEntity\":\"Customer\",\"qboId\":\"58\",\"syncToken\":\"1\","
                        + "\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}")
                .jsonPath("$.writtenAt").isNotEmpty();
        // CloudEvents name entities in lower case
        http.get().uri("/realms/r-writes/writes/customer/58").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.syncToken").isEqualTo("1");
        http.get().uri("/realms/other-realm/writes/Customer/58").exchange().expectStatus().isNotFound();
    }

    private void postWrite(String body) {
        http.post().uri("/realms/r-writes/writes").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isNoContent();
    }

    @Test
    void shouldAcceptOnlyChangesNewerThanTheLastApplied() {
        assertThat(applied("2026-11-01T10:00:00Z")).isTrue();
        assertThat(applied("2026-11-01T10:00:00Z")).as("duplicate").isFalse();
        assertThat(applied("2026-11-01T09:59:59Z")).as("older").isFalse();
        assertThat(applied("2026-11-01T03:00:01-07:00")).as("newer, with an offset").isTrue();
        assertThat(applied("2026-11-01T03:00:00-0700")).as("older, legacy offset format").isFalse();
    }

    private boolean applied(String lastUpdated) {
        Map<?, ?> body = http.post().uri("/realms/r-applied/applied-changes").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"qboEntity\":\"Invoice\",\"qboId\":\"130\",\"lastUpdated\":\"" + lastUpdated
                        + "\",\"syncToken\":\"2\"}")
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return (Boolean) body.get("newer");
    }

    @Test
    void shouldStoreTheCdcCursorPerRealm() {
        http.get().uri("/realms/r-cdc/cdc-cursor").exchange().expectStatus().isNotFound();

        http.put().uri("/realms/r-cdc/cdc-cursor").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"changedSince\":\"2026-11-20T08:00:00Z\"}").exchange().expectStatus().isNoContent();
        http.put().uri("/realms/r-cdc/cdc-cursor").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"changedSince\":\"2026-11-21T08:00:00.250Z\"}").exchange().expectStatus().isNoContent();

        http.get().uri("/realms/r-cdc/cdc-cursor").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.changedSince").isEqualTo("2026-11-21T08:00:00.250Z");
    }

    @Test
    void shouldKeepTheLastAppliedPayloadPerEntity() {
        http.get().uri("/realms/r-payloads/applied-payloads/Customer/58").exchange().expectStatus().isNotFound();
        savePayload("{\"payloadHash\":\"a1\"}");
        savePayload("{\"payloadHash\":\"b2\"}");

        http.get().uri("/realms/r-payloads/applied-payloads/customer/58").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.payloadHash").isEqualTo("b2");
        http.get().uri("/realms/other-realm/applied-payloads/Customer/58").exchange().expectStatus().isNotFound();
        http.put().uri("/realms/r-payloads/applied-payloads/Customer/58").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange().expectStatus().isBadRequest();
    }

    private void savePayload(String body) {
        http.put().uri("/realms/r-payloads/applied-payloads/Customer/58").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().isNoContent();
    }

    @Test
    void shouldListAnnouncedCreatesByNameOrTypeUntilTheyAreWithdrawn() {
        announce("COMPANY", "co-1", "{\"tenantId\":\"t1\",\"displayName\":\"Bob’s Plumbing\"}");
        announce("PROJECT", "pr-1", "{\"tenantId\":\"t1\",\"displayName\":\"Kitchen\",\"parentQboId\":\"58\"}");
        // announced again (a retry): still one announcement for that record
        announce("PROJECT", "pr-1", "{\"tenantId\":\"t1\",\"displayName\":\"Kitchen\",\"parentQboId\":\"58\"}");

        http.get().uri("/realms/r-announced/announced-creates?displayName={n}", "Bob’s Plumbing").exchange()
                .expectStatus().isOk().expectBody()
                .json("[{\"entityType\":\"COMPANY\",\"centerpointId\":\"co-1\",\"tenantId\":\"t1\","
                        + "\"displayName\":\"Bob’s Plumbing\",\"parentQboId\":null}]");
        http.get().uri("/realms/r-announced/announced-creates?entityType=PROJECT").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].parentQboId").isEqualTo("58");
        http.get().uri("/realms/other-realm/announced-creates?entityType=PROJECT").exchange()
                .expectStatus().isOk().expectBody().json("[]");

        http.delete().uri("/realms/r-announced/announced-creates/PROJECT/pr-1").exchange()
                .expectStatus().isNoContent();
        http.get().uri("/realms/r-announced/announced-creates?entityType=PROJECT").exchange()
                .expectStatus().isOk().expectBody().json("[]");
        http.get().uri("/realms/r-announced/announced-creates").exchange().expectStatus().isBadRequest();
    }

    private void announce(String entityType, String centerpointId, String body) {
        http.put().uri("/realms/r-announced/announced-creates/{e}/{c}", entityType, centerpointId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isNoContent();
    }

    @Test
    void shouldDecideCustomerMatchesAndListConflictsUntilResolved() {
        match("{\"centerpointId\":\"c1\",\"displayName\":\" acme \",\"policy\":\"HOLD\",\"suffix\":\" (customer)\","
                + "\"candidates\":[{\"type\":\"Customer\",\"id\":\"58\",\"displayName\":\"Acme\",\"active\":false,"
                + "\"job\":false}]}")
                .jsonPath("$.decision").isEqualTo("LINK").jsonPath("$.qboId").isEqualTo("58");
        match("{\"centerpointId\":\"c2\",\"displayName\":\"Bolt\",\"policy\":\"SUFFIX\",\"suffix\":\" (customer)\","
                + "\"candidates\":[{\"type\":\"Vendor\",\"id\":\"12\",\"displayName\":\"Bolt\",\"active\":true,"
                + "\"job\":false}]}")
                .jsonPath("$.decision").isEqualTo("CREATE").jsonPath("$.displayName").isEqualTo("Bolt (customer)");
        match("{\"centerpointId\":\"c3\",\"displayName\":\"Crane\",\"policy\":\"HOLD\","
                + "\"candidates\":[{\"type\":\"Vendor\",\"id\":\"12\",\"displayName\":\"Crane\"}]}")
                .jsonPath("$.decision").isEqualTo("CONFLICT")
                .jsonPath("$.reason").isEqualTo("QBO Vendor 12 'Crane' already uses the name");

        http.get().uri("/tenants/t-match/conflicts").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].centerpointId").isEqualTo("c3")
                .jsonPath("$[0].displayName").isEqualTo("Crane")
                .jsonPath("$[0].reason").isEqualTo("QBO Vendor 12 'Crane' already uses the name");

        // the tenant switched to SUFFIX: the company now gets a customer and the conflict is gone
        match("{\"centerpointId\":\"c3\",\"displayName\":\"Crane\",\"policy\":\"SUFFIX\","
                + "\"candidates\":[{\"type\":\"Vendor\",\"id\":\"12\",\"displayName\":\"Crane\"}]}")
                .jsonPath("$.decision").isEqualTo("CREATE").jsonPath("$.displayName").isEqualTo("Crane (customer)");
        http.get().uri("/tenants/t-match/conflicts").exchange().expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    private WebTestClient.BodyContentSpec match(String body) {
        return http.post().uri("/tenants/t-match/customer-matches").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().isOk().expectBody();
    }

    @Test
    void shouldAnswerBadRequestsWithAClearMessage() {
        List.of(
                new String[] {"/tenants/t/links/CUSTOMER/c1", "{\"qboId\":\"1\"}", "unknown entityType 'CUSTOMER'"},
                new String[] {"/tenants/t/links/COMPANY/c1", "{\"qboId\":", "not valid JSON"},
                new String[] {"/tenants/t/links/COMPANY/c1", "{}", "'qboId' is required"}
        ).forEach(c -> http.put().uri(c[0]).contentType(MediaType.APPLICATION_JSON).bodyValue(c[1]).exchange()
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.error").isEqualTo("bad_request")
                .jsonPath("$.message").value(m -> assertThat((String) m).contains(c[2])));

        http.put().uri("/tenants/t/links/COMPANY/c1").contentType(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.message").isEqualTo("a JSON request body is required");
        http.get().uri("/tenants/t/links/COMPANY").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.message").value(m -> assertThat((String) m).contains("'qboId'"));
        badPost("/tenants/t/links/COMPANY/lookup", "{}", "'centerpointIds' is required");
        badPost("/tenants/t/links/COMPANY/lookup", "{\"centerpointIds\":[\"c1\",\" \"]}", "blank id");
        badPost("/tenants/t/links/COMPANY/lookup", "{\"centerpointIds\":[" + "\"c\",".repeat(500) + "\"c\"]}",
                "at most 500 centerpointIds");
        badPost("/tenants/t/customer-matches", "{\"centerpointId\":\"c1\",\"displayName\":\"A\",\"policy\":\"MAYBE\"}",
                "expected one of SUFFIX, HOLD");
        badPost("/tenants/t/customer-matches", "{\"centerpointId\":\"c1\",\"policy\":\"HOLD\"}", "'displayName'");
        badPost("/tenants/t/customer-matches", "{\"centerpointId\":\"c1\",\"displayName\":\"A\",\"policy\":\"HOLD\","
                + "\"candidates\":[{\"type\":\"Supplier\",\"id\":\"1\",\"displayName\":\"A\"}]}", "Customer, Vendor, Employee");
        badPost("/realms/r/applied-changes", "{\"qboEntity\":\"Invoice\",\"qboId\":\"1\",\"lastUpdated\":\"yesterday\"}",
                "ISO-8601");
        badPost("/realms/r/writes", "{\"qboEntity\":\"Customer\",\"qboId\":\"1\"}", "'syncToken'");
        badPost("/realms/r/writes", "[1,2]", "not valid JSON");
    }

    private void badPost(String uri, String body, String messagePart) {
        http.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.error").isEqualTo("bad_request")
                .jsonPath("$.message").value(m -> assertThat((String) m).contains(messagePart));
    }

    @Test
    void shouldRedirectToTheQboAuthorizeUrlWithASingleUseStateBoundToTheTenant() {
        URI location = http.get().uri("/tenants/t-oauth/connection/authorize?realmId=9130").exchange()
                .expectStatus().isFound().returnResult(Void.class).getResponseHeaders().getLocation();

        var query = UriComponentsBuilder.fromUri(location).build().getQueryParams();
        assertThat(location.toString()).startsWith("http://localhost:8090/connect/oauth2?");
        assertThat(query.getFirst("client_id")).isEqualTo("local-client-id");
        assertThat(query.getFirst("response_type")).isEqualTo("code");
        assertThat(query.getFirst("scope")).isEqualTo("com.intuit.quickbooks.accounting");
        assertThat(query.getFirst("realmId")).isEqualTo("9130");
        assertThat(URLDecoder.decode(query.getFirst("redirect_uri"), StandardCharsets.UTF_8))
                .isEqualTo("http://localhost:" + port + "/oauth/callback");
        String state = query.getFirst("state");
        assertThat(jdbc.sql("select tenant_id from oauth_states where state = ?").param(state)
                .query(String.class).single()).isEqualTo("t-oauth");
    }

    @Test
    void shouldRejectCallbacksWithAnUnknownOrExpiredState() {
        http.get().uri("/oauth/callback?code=c&state=never-issued&realmId=1").exchange()
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.message").isEqualTo("unknown or already used OAuth state");
        http.get().uri("/oauth/callback?code=c&realmId=1").exchange().expectStatus().isBadRequest();

        jdbc.sql("insert into oauth_states (state, tenant_id, created_at) values ('old', 't-old', now() - interval '1 hour')")
                .update();
        http.get().uri("/oauth/callback?code=c&state=old&realmId=1").exchange()
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.message").value(m -> assertThat((String) m).contains("expired"));
        // consumed even though it was refused
        assertThat(jdbc.sql("select count(*) from oauth_states where state = 'old'").query(Integer.class).single())
                .isZero();
    }

    @Test
    void shouldAnswerNotFoundOrDisconnectedForAnUnknownTenant() {
        http.get().uri("/tenants/nobody/connection").exchange().expectStatus().isNotFound();
        http.get().uri("/realms/no-realm/connection").exchange().expectStatus().isNotFound();
        http.delete().uri("/tenants/nobody/connection").exchange().expectStatus().isNotFound();
        http.post().uri("/tenants/nobody/connection/access-token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.error").isEqualTo("disconnected");
    }

    @Test
    void shouldReportHealthAndReadinessIncludingTheDatabaseAndExposePrometheusMetrics() {
        http.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP").jsonPath("$.components.db.status").isEqualTo("UP");
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("jvm_memory_used_bytes"));
    }
}
