package com.cpsync.syncsupport.mapping.http;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.cpsync.syncsupport.auth.ServiceTokens;
import com.cpsync.syncsupport.mapping.AccessGrant;
import com.cpsync.syncsupport.mapping.Candidate;
import com.cpsync.syncsupport.mapping.ConflictPolicy;
import com.cpsync.syncsupport.mapping.EntityLink;
import com.cpsync.syncsupport.mapping.LinkClash;
import com.cpsync.syncsupport.mapping.LinkedEntity;
import com.cpsync.syncsupport.mapping.MappingServiceRefused;
import com.cpsync.syncsupport.mapping.MappingServiceUnavailable;
import com.cpsync.syncsupport.mapping.MatchDecision;
import com.cpsync.syncsupport.mapping.MatchRequest;
import com.cpsync.syncsupport.mapping.NameList;
import com.cpsync.syncsupport.mapping.TenantConnection;
import com.cpsync.syncsupport.mapping.TenantNotConnected;
import com.cpsync.testsupport.auth.TestServiceKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MappingServiceClientTest {

    private static final List<Candidate> VENDOR_ACME = List.of(new Candidate(NameList.Vendor, "12", "Acme", true, false));

    private final FakeMappingService mapping = new FakeMappingService();
    private final MappingServiceClient client = MappingServiceClient.of(mapping.baseUrl(),
            ServiceTokens.of("cp-outbound-service", TestServiceKeys.privateKey(), Clock.systemUTC()));

    MappingServiceClientTest() throws IOException {
    }

    @AfterEach
    void stop() {
        mapping.close();
    }

    @Test
    void shouldReadALinkAndTreatA404AsAbsent() {
        mapping.answer("GET /tenants/t1/links/COMPANY/c1", 200, "{\"tenantId\":\"t1\",\"entityType\":\"COMPANY\","
                + "\"centerpointId\":\"c1\",\"qboId\":\"58\",\"createdAt\":\"2026-11-26T09:00:00Z\"}");

        assertThat(client.findLink("t1", LinkedEntity.COMPANY, "c1")).contains(new EntityLink("t1",
                LinkedEntity.COMPANY, "c1", "58", Instant.parse("2026-11-26T09:00:00Z")));
        assertThat(client.findLink("t1", LinkedEntity.COMPANY, "c2")).isEmpty();
    }

    @Test
    void shouldLookUpManyLinksInOneCallAndKeyThemByCenterpointId() {
        mapping.answer("POST /tenants/t1/links/COMPANY/lookup", 200, "{\"links\":[{\"tenantId\":\"t1\","
                + "\"entityType\":\"COMPANY\",\"centerpointId\":\"c2\",\"qboId\":\"59\",\"createdAt\":null}]}");

        assertThat(client.findLinks("t1", LinkedEntity.COMPANY, List.of("c1", "c2")))
                .containsOnlyKeys("c2").extractingByKey("c2").extracting(EntityLink::qboId).isEqualTo("59");
        assertThat(mapping.requests).singleElement()
                .satisfies(r -> assertThat(r.body()).isEqualTo("{\"centerpointIds\":[\"c1\",\"c2\"]}"));
    }

    @Test
    void shouldFindALinkByItsQboId() {
        mapping.answer("GET /tenants/t1/links/PAYMENT?qboId=125", 200, "{\"tenantId\":\"t1\",\"entityType\":\"PAYMENT\","
                + "\"centerpointId\":\"125\",\"qboId\":\"125\",\"createdAt\":\"2026-11-26T09:00:00Z\"}");

        assertThat(client.findLinkByQboId("t1", LinkedEntity.PAYMENT, "125")).map(EntityLink::centerpointId)
                .contains("125");
    }

    @Test
    void shouldPutALinkWithItsQboId() {
        mapping.answer("PUT /tenants/t1/links/COMPANY/c1", 200, "{}");

        client.putLink("t1", LinkedEntity.COMPANY, "c1", "58");

        assertThat(mapping.requests).singleElement().satisfies(r -> assertThat(r.body()).contains("\"qboId\":\"58\""));
    }

    @Test
    void shouldTurnA409OnALinkIntoALinkClashNamingBothSides() {
        mapping.answer("PUT /tenants/t1/links/PROJECT_INVOICE/p-B:129", 409,
                "{\"error\":\"conflict\",\"message\":\"QBO id 129 is already linked to PROJECT_INVOICE p-A:129\"}");

        assertThatThrownBy(() -> client.putLink("t1", LinkedEntity.PROJECT_INVOICE, "p-B:129", "129"))
                .isInstanceOf(LinkClash.class).hasMessage("link clash: PROJECT_INVOICE p-B:129 -> QBO 129: "
                        + "QBO id 129 is already linked to PROJECT_INVOICE p-A:129");
    }

    @Test
    void shouldParseEachMatchDecisionOnceIntoItsType() {
        MatchRequest request = new MatchRequest("c1", "Acme", ConflictPolicy.HOLD, " (customer)", VENDOR_ACME);
        mapping.answer("POST /tenants/t1/customer-matches", 200, "{\"decision\":\"LINK\",\"qboId\":\"58\"}");
        assertThat(client.matchCustomer("t1", request)).isEqualTo(new MatchDecision.Link("58"));

        mapping.answer("POST /tenants/t1/customer-matches", 200,
                "{\"decision\":\"CREATE\",\"displayName\":\"Acme (customer)\"}");
        assertThat(client.matchCustomer("t1", request)).isEqualTo(new MatchDecision.Create("Acme (customer)"));

        mapping.answer("POST /tenants/t1/customer-matches", 200,
                "{\"decision\":\"CONFLICT\",\"reason\":\"QBO Vendor 12 'Acme' already uses the name\"}");
        assertThat(client.matchCustomer("t1", request)).isEqualTo(
                new MatchDecision.Conflict("QBO Vendor 12 'Acme' already uses the name", VENDOR_ACME));
    }

    @Test
    void shouldSendTheMatchRequestAsTheContractSpellsIt() {
        mapping.answer("POST /tenants/t1/customer-matches", 200, "{\"decision\":\"LINK\",\"qboId\":\"58\"}");

        client.matchCustomer("t1", new MatchRequest("c1", "Acme", ConflictPolicy.SUFFIX, " (customer)", VENDOR_ACME));

        assertThat(mapping.requests).singleElement().satisfies(r -> assertThat(r.body()).contains(
                "\"policy\":\"SUFFIX\"", "\"suffix\":\" (customer)\"", "\"type\":\"Vendor\"", "\"active\":true",
                "\"job\":false"));
    }

    @Test
    void shouldRefuseAnUnknownMatchDecision() {
        mapping.answer("POST /tenants/t1/customer-matches", 200, "{\"decision\":\"MAYBE\"}");

        assertThatThrownBy(() -> client.matchCustomer("t1",
                new MatchRequest("c1", "Acme", ConflictPolicy.HOLD, " (customer)", List.of())))
                .isInstanceOf(MappingServiceRefused.class).hasMessageContaining("unknown match decision");
    }

    @Test
    void shouldHandOutAnAccessTokenNamingTheRejectedOne() {
        mapping.answer("POST /tenants/t1/connection/access-token", 200,
                "{\"realmId\":\"r1\",\"accessToken\":\"secret-2\",\"expiresAt\":\"2026-11-26T10:00:00Z\"}");

        AccessGrant grant = client.accessToken("t1", "secret-1");

        assertThat(grant).isEqualTo(new AccessGrant("r1", "secret-2", Instant.parse("2026-11-26T10:00:00Z")));
        assertThat(mapping.requests).singleElement()
                .satisfies(r -> assertThat(r.body()).isEqualTo("{\"rejectedAccessToken\":\"secret-1\"}"));
    }

    @Test
    void shouldSayATenantIsNotConnectedOn409Or404ForAToken() {
        mapping.answer("POST /tenants/t1/connection/access-token", 409, "{\"error\":\"disconnected\"}");

        assertThatThrownBy(() -> client.accessToken("t1", null)).isInstanceOf(TenantNotConnected.class);
        assertThatThrownBy(() -> client.accessToken("t2", null)).isInstanceOf(TenantNotConnected.class);
    }

    @Test
    void shouldMapOtherStatusesOnce() {
        mapping.answer("POST /realms/r1/writes", 400, "{\"error\":\"bad_request\",\"message\":\"syncToken missing\"}");
        mapping.answer("GET /realms/r1/cdc-cursor", 503, "{}");

        assertThatThrownBy(() -> client.recordWrite("r1", "t1", "Customer", "58", "0", null))
                .isInstanceOf(MappingServiceRefused.class).hasMessageContaining("record write: 400 syncToken missing");
        assertThatThrownBy(() -> client.cdcCursor("r1")).isInstanceOf(MappingServiceUnavailable.class);
    }

    @Test
    void shouldSendThisServicesSignedTokenWithEveryCall() {
        mapping.answer("GET /connections", 200, "[]");

        client.connections();
        client.findLink("t1", LinkedEntity.COMPANY, "c1");

        assertThat(mapping.requests).hasSize(2).allSatisfy(request -> {
            assertThat(request.authorization()).startsWith("Bearer ");
            assertThat(TestServiceKeys.decode(request.authorization().substring(7)).getSubject())
                    .isEqualTo("cp-outbound-service");
        });
    }

    @Test
    void shouldCallMappingServiceUnavailableWhenNothingAnswers() {
        MappingServiceClient nowhere = MappingServiceClient.of(URI.create("http://127.0.0.1:1"),
                ServiceTokens.of("cp-outbound-service", "", Clock.systemUTC()));

        assertThatThrownBy(() -> nowhere.findLink("t1", LinkedEntity.COMPANY, "c1"))
                .isInstanceOf(MappingServiceUnavailable.class);
    }

    @Test
    void shouldReadConnectionsAndAppliedChanges() {
        mapping.answer("GET /realms/r1/connection", 200, "{\"tenantId\":\"t1\",\"realmId\":\"r1\","
                + "\"status\":\"DISCONNECTED\",\"accessTokenExpiresAt\":null}");
        mapping.answer("GET /connections", 200, "[{\"tenantId\":\"t1\",\"realmId\":\"r1\",\"status\":\"CONNECTED\","
                + "\"accessTokenExpiresAt\":\"2026-11-26T10:00:00Z\"}]");
        mapping.answer("POST /realms/r1/applied-changes", 200, "{\"newer\":true}");
        mapping.answer("POST /tenants/t1/links/COMPANY/repoint", 200, "{\"repointed\":2}");

        assertThat(client.connectionOfRealm("r1")).contains(new TenantConnection("t1", "r1", false, null));
        assertThat(client.connections()).singleElement().extracting(TenantConnection::connected).isEqualTo(true);
        assertThat(client.markApplied("r1", "Customer", "58", Instant.parse("2026-11-26T09:00:00Z"), null)).isTrue();
        assertThat(client.repoint("t1", LinkedEntity.COMPANY, "27", "123")).isEqualTo(2);
        assertThat(mapping.requests.get(2).body()).doesNotContain("syncToken");
    }
}
