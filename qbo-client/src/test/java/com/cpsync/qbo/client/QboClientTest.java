package com.cpsync.qbo.client;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QboClientTest extends AgainstFakeQbo {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void shouldReadEntityWithBearerTokenAcceptHeaderAndMinorVersion() {
        qbo.respond(200, "{\"Customer\":{\"Id\":\"58\",\"DisplayName\":\"Acme\"},\"time\":\"2026-11-26T01:00:00.000-08:00\"}");

        JsonNode customer = client.read(REALM, "Customer", "58");

        assertThat(customer.get("DisplayName").asString()).isEqualTo("Acme");
        FakeQboServer.Recorded request = lastRequestWas("GET", "/v3/company/9341455/customer/58", "minorversion=75");
        assertThat(request.headers().getFirst("Authorization")).isEqualTo("Bearer secret-access-token");
        assertThat(request.headers().getFirst("Accept")).isEqualTo("application/json");
        assertThat(calls).containsExactly("9341455 read 200");
    }

    @Test
    void shouldSendThroughTheDecoratedHttpClient() {
        List<HttpClient> decorated = new ArrayList<>();
        QboClient observed = recordingClient(qbo.baseUrl()).httpClientDecorator(http -> {
            decorated.add(http);
            return http;
        }).build();
        qbo.respond(200, "{\"Customer\":{\"Id\":\"58\"}}");

        observed.read(REALM, "Customer", "58");

        assertThat(decorated).singleElement()
                .satisfies(http -> assertThat(http.version()).isEqualTo(HttpClient.Version.HTTP_1_1));
        assertThat(calls).containsExactly("9341455 read 200");
    }

    @Test
    void shouldCreateWithRequestIdAndReturnTheEntity() {
        qbo.respond(200, "{\"Customer\":{\"Id\":\"59\",\"SyncToken\":\"0\",\"DisplayName\":\"Acme\"}}");
        ObjectNode body = json.createObjectNode().put("DisplayName", "Acme");

        JsonNode created = client.create(REALM, "Customer", body, "ev-123:company");

        assertThat(created.get("Id").asString()).isEqualTo("59");
        FakeQboServer.Recorded request = lastRequestWas("POST", "/v3/company/9341455/customer",
                "requestid=ev-123%3Acompany&minorversion=75");
        assertThat(request.headers().getFirst("Content-Type")).isEqualTo("application/json");
        assertThat(json.readTree(request.body()).get("DisplayName").asString()).isEqualTo("Acme");
    }

    @Test
    void shouldRefuseRequestIdLongerThanFiftyCharactersWithoutCallingQbo() {
        ObjectNode body = json.createObjectNode().put("DisplayName", "Acme");

        assertThatThrownBy(() -> client.create(REALM, "Customer", body, "x".repeat(51)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requestid");
        assertThat(qbo.requests()).isEmpty();
    }

    @Test
    void shouldSendSparseUpdate() {
        qbo.respond(200, "{\"Customer\":{\"Id\":\"58\",\"SyncToken\":\"4\"}}");
        ObjectNode change = json.createObjectNode().put("Id", "58").put("SyncToken", "3").put("DisplayName", "Acme 2");

        JsonNode updated = client.update(REALM, "Customer", change, "ev-124");

        assertThat(updated.get("SyncToken").asString()).isEqualTo("4");
        JsonNode sent = json.readTree(qbo.lastRequest().body());
        assertThat(sent.get("sparse").asBoolean()).isTrue();
        assertThat(sent.get("SyncToken").asString()).isEqualTo("3");
        assertThat(change.has("sparse")).isFalse();
    }

    @Test
    void shouldUrlEncodeEscapedQueryAndReturnEntities() {
        qbo.respond(200, "{\"QueryResponse\":{\"Customer\":[{\"Id\":\"1\"},{\"Id\":\"2\"}],\"startPosition\":1,\"maxResults\":2}}");
        String query = "select * from Customer where DisplayName = " + QboQuery.literal("O'Brien & Sons")
                + " and Active IN (true,false)";

        List<JsonNode> customers = client.query(REALM, query);

        assertThat(customers).extracting(c -> c.get("Id").asString()).containsExactly("1", "2");
        FakeQboServer.Recorded request = qbo.lastRequest();
        assertThat(request.path()).isEqualTo("/v3/company/9341455/query");
        assertThat(request.rawQuery()).doesNotContain(" ", "'", "&Active").endsWith("&minorversion=75");
        assertThat(URLDecoder.decode(request.rawQuery(), StandardCharsets.UTF_8))
                .isEqualTo("query=select * from Customer where DisplayName = 'O\\'Brien & Sons' and Active IN (true,false)&minorversion=75");
    }

    @Test
    void shouldNeverSendAQueryCarryingWhatQbosLexerRefuses() {
        assertThatThrownBy(() -> client.query(REALM, "select * from Customer where DisplayName = 'Bob\u2019s'"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LIKE");
        assertThat(qbo.requests()).isEmpty();
    }

    @Test
    void shouldReturnNoEntitiesWhenQueryResponseHasNoEntityKey() {
        qbo.respond(200, "{\"QueryResponse\":{},\"time\":\"2026-11-26T01:00:00.000-08:00\"}");

        assertThat(client.query(REALM, "select * from Vendor where DisplayName = 'Nobody'")).isEmpty();
    }

    @Test
    void shouldDeleteAndVoidWithOperationParameter() {
        qbo.respond(200, "{\"Invoice\":{\"status\":\"Deleted\",\"Id\":\"33\"}}");
        qbo.respond(200, "{\"Invoice\":{\"Id\":\"34\",\"SyncToken\":\"2\",\"PrivateNote\":\"Voided\"}}");

        JsonNode deleted = client.delete(REALM, "Invoice", "33", "3", "del-33");
        JsonNode voided = client.voidInvoice(REALM, "34", "1", "void-34");

        assertThat(deleted.get("status").asString()).isEqualTo("Deleted");
        assertThat(voided.get("PrivateNote").asString()).isEqualTo("Voided");
        assertThat(qbo.requests().get(0).rawQuery()).isEqualTo("operation=delete&requestid=del-33&minorversion=75");
        assertThat(qbo.requests().get(1).path()).isEqualTo("/v3/company/9341455/invoice");
        assertThat(qbo.requests().get(1).rawQuery()).isEqualTo("operation=void&requestid=void-34&minorversion=75");
        assertThat(json.readTree(qbo.requests().get(0).body()).get("SyncToken").asString()).isEqualTo("3");
    }

    @Test
    void shouldCollectCdcEntitiesPerTypeWithDeletedStubsAndResponseTime() {
        qbo.respond(200, """
                {"CDCResponse":[{"QueryResponse":[
                  {"Customer":[{"Id":"58","DisplayName":"Acme"},{"Id":"979","status":"Deleted","domain":"QBO"}],"startPosition":1,"maxResults":2},
                  {"Invoice":[{"Id":"129"}]}]}],
                 "time":"2026-11-26T01:02:03.456-08:00"}""");

        CdcResult cdc = client.cdc(REALM, List.of("Customer", "Invoice", "Payment"), Instant.parse("2026-11-25T09:00:00Z"));

        assertThat(cdc.time()).isEqualTo(Instant.parse("2026-11-26T09:02:03.456Z"));
        assertThat(cdc.entities("Customer")).hasSize(2);
        assertThat(cdc.entities("Customer")).filteredOn(CdcResult::isDeleted).extracting(e -> e.get("Id").asString())
                .containsExactly("979");
        assertThat(cdc.entities("Invoice")).hasSize(1);
        assertThat(cdc.entities("Payment")).isEmpty();
        assertThat(URLDecoder.decode(qbo.lastRequest().rawQuery(), StandardCharsets.UTF_8))
                .isEqualTo("entities=Customer,Invoice,Payment&changedSince=2026-11-25T09:00:00Z&minorversion=75");
    }

    @Test
    void shouldTreatEmptyCdcQueryResponseAsNoChanges() {
        qbo.respond(200, "{\"CDCResponse\":[{\"QueryResponse\":[{}]}],\"time\":\"2026-11-26T01:02:03-0800\"}");

        CdcResult cdc = client.cdc(REALM, List.of("Customer"), Instant.parse("2026-11-25T09:00:00Z"));

        assertThat(cdc.entities()).isEmpty();
        assertThat(cdc.time()).isEqualTo(Instant.parse("2026-11-26T09:02:03Z"));
    }

    @Test
    void shouldReturnBatchItemsWithPerItemFaults() {
        qbo.respond(200, """
                {"BatchItemResponse":[{"bId":"c1","Customer":{"Id":"60"}},
                 {"bId":"c2","Fault":{"Error":[{"Message":"Duplicate Name Exists Error","code":"6240"}],"type":"ValidationFault"}}]}""");
        List<JsonNode> items = List.of(
                json.createObjectNode().put("bId", "c1").put("operation", "create"),
                json.createObjectNode().put("bId", "c2").put("operation", "create"));

        List<JsonNode> responses = client.batch(REALM, items, "batch-1");

        assertThat(qbo.lastRequest().path()).isEqualTo("/v3/company/9341455/batch");
        assertThat(json.readTree(qbo.lastRequest().body()).get("BatchItemRequest")).hasSize(2);
        assertThat(QboFaultException.inBatchItem(responses.get(0))).isEmpty();
        assertThat(QboFaultException.inBatchItem(responses.get(1))).hasValueSatisfying(
                fault -> assertThat(fault.isDuplicateName()).isTrue());
    }

    @Test
    void shouldNotSendWhenTheRealmIsBusy() throws IOException {
        FakeTimeSource time = new FakeTimeSource();
        RealmRateLimiter oneASecond = new RealmRateLimiter(new RealmLimits(1, 500, 10, 40, Duration.ZERO), time);
        QboClient limited = QboClient.builder(qbo.baseUrl()).limiter(oneASecond).build();
        qbo.respond(200, "{\"Customer\":{\"Id\":\"58\"}}");

        limited.read(REALM, "Customer", "58");

        assertThatThrownBy(() -> limited.read(REALM, "Customer", "58")).isInstanceOf(RealmBusyException.class);
        assertThat(qbo.requests()).hasSize(1);
    }

    @Test
    void shouldTakeEachCallFromTheBudgetAtTheViewsPriorityAndReportAThrottle() {
        List<String> taken = new ArrayList<>();
        RealmBudget recording = new RealmBudget() {
            @Override
            public Permit acquire(String realmId, CallPriority priority, boolean batch) {
                taken.add(realmId + " " + priority + (batch ? " batch" : ""));
                return () -> { };
            }

            @Override
            public void onThrottled(String realmId) {
                taken.add(realmId + " throttled");
            }
        };
        QboClient live = QboClient.builder(qbo.baseUrl()).budget(recording).build();
        qbo.respond(200, "{\"Customer\":{\"Id\":\"58\"}}");
        live.read(REALM, "Customer", "58");
        qbo.respond(429, "{\"Fault\":{\"Error\":[{\"code\":\"3001\",\"Message\":\"ThrottleExceeded\"}]}}");

        assertThatThrownBy(() -> live.at(CallPriority.BACKLOG).read(REALM, "Customer", "58"))
                .isInstanceOfSatisfying(QboFaultException.class, fault -> assertThat(fault.isThrottled()).isTrue());
        assertThat(taken).containsExactly("9341455 LIVE", "9341455 BACKLOG", "9341455 throttled");
    }

    private FakeQboServer.Recorded lastRequestWas(String method, String path, String rawQuery) {
        FakeQboServer.Recorded request = qbo.lastRequest();
        assertThat(request).extracting(FakeQboServer.Recorded::method, FakeQboServer.Recorded::path,
                FakeQboServer.Recorded::rawQuery).containsExactly(method, path, rawQuery);
        return request;
    }
}
