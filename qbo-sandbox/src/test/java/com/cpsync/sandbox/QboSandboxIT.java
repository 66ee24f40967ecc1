package com.cpsync.sandbox;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Collections;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import com.cpsync.sandbox.config.AdjustableClock;
import com.cpsync.sandbox.domain.Json;
import com.cpsync.sandbox.domain.WebhookSigner;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The sandbox as its users meet it: started in-process on a random port and called over HTTP. */
class QboSandboxIT {

    record Reply(int status, JsonNode body, HttpHeaders headers, String raw) {
        String code() {
            return body.path("Fault").path("Error").path(0).path("code").asString();
        }
    }

    record Delivery(String signature, String contentType, String body) {
    }

    static final AdjustableClock clock = new AdjustableClock();
    static final ConcurrentLinkedQueue<Delivery> deliveries = new ConcurrentLinkedQueue<>();
    static final AtomicInteger failuresToAnswer = new AtomicInteger();
    static final AtomicInteger attempts = new AtomicInteger();
    static ConfigurableApplicationContext app;
    static HttpServer receiver;
    static WebTestClient client;

    String realmId;
    String token;

    @BeforeAll
    static void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            attempts.incrementAndGet();
            int status = failuresToAnswer.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 200;
            if (status == 200) {
                deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst("intuit-signature"),
                        exchange.getRequestHeaders().getFirst("Content-Type"), new String(body, StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        app = new SpringApplicationBuilder(QboSandboxApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("sandboxClock", clock))
                .properties("server.port=0", "spring.main.banner-mode=off",
                        "sandbox.webhooks.aggregation-window=50ms", "sandbox.webhooks.retry-delays=100ms,100ms,200ms")
                .run();
        client = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + app.getEnvironment().getProperty("local.server.port"))
                .responseTimeout(Duration.ofSeconds(20))
                .codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build();
    }

    @AfterAll
    static void stop() {
        app.close();
        receiver.stop(0);
    }

    @BeforeEach
    void newRealm() {
        realmId = "it" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin(HttpMethod.POST, "/admin/realms/" + realmId, null);
        admin(HttpMethod.PUT, "/admin/realms/" + realmId + "/faults", "{\"requestsPerSecond\":100000,\"requestsPerMinute\":1000000}");
        token = admin(HttpMethod.POST, "/admin/realms/" + realmId + "/tokens", null).body().get("access_token").asString();
    }

    // ---- helpers ----

    Reply call(HttpMethod method, String path, String body, MediaType type, String bearer) {
        var spec = client.method(method).uri(path).headers(h -> {
            if (bearer != null) {
                h.setBearerAuth(bearer);
            }
            h.setAccept(List.of(MediaType.APPLICATION_JSON));
        });
        EntityExchangeResult<String> result = (body == null ? spec : spec.contentType(type).bodyValue(body))
                .exchange().expectBody(String.class).returnResult();
        String raw = result.getResponseBody();
        JsonNode json = raw == null || raw.isBlank() || !raw.trim().matches("(?s)^[\\[{].*")
                ? Json.object() : Json.MAPPER.readTree(raw);
        return new Reply(result.getStatus().value(), json, result.getResponseHeaders(), raw);
    }

    Reply admin(HttpMethod method, String path, String body) {
        return call(method, path, body, MediaType.APPLICATION_JSON, null);
    }

    Reply post(String pathAndQuery, String body) {
        return call(HttpMethod.POST, "/v3/company/" + realmId + pathAndQuery, body, MediaType.APPLICATION_JSON, token);
    }

    Reply get(String pathAndQuery) {
        return call(HttpMethod.GET, "/v3/company/" + realmId + pathAndQuery, null, null, token);
    }

    Reply query(String query) {
        return call(HttpMethod.POST, "/v3/company/" + realmId + "/query?minorversion=75", query,
                MediaType.parseMediaType("application/text"), token);
    }

    JsonNode customer(String name) {
        Reply r = post("/customer?minorversion=75", "{\"DisplayName\":\"" + name + "\"}");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body().get("Customer");
    }

    JsonNode invoice(String customerId, String docNumber, String amount) {
        Reply r = post("/invoice", "{\"CustomerRef\":{\"value\":\"" + customerId + "\"},\"DocNumber\":\"" + docNumber + "\","
                + "\"Line\":[{\"DetailType\":\"SalesItemLineDetail\",\"Amount\":" + amount + ",\"SalesItemLineDetail\":"
                + "{\"ItemRef\":{\"value\":\"1\"},\"Qty\":1,\"UnitPrice\":" + amount + "}}]}");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body().get("Invoice");
    }

    // ---- entities ----

    @Test
    void shouldCreateReadAndSparseUpdateACustomerBumpingSyncToken() {
        Reply created = post("/customer", "{\"DisplayName\":\"Acme Renovations\",\"PrimaryEmailAddr\":{\"Address\":\"ap@acme.com\"}}");
        JsonNode c = created.body().get("Customer");
        assertThat(created.headers().getFirst("intuit_tid")).isNotBlank();
        assertThat(created.body().has("time")).isTrue();
        assertThat(c.get("SyncToken").asString()).isEqualTo("0");
        assertThat(c.get("Active").asBoolean()).isTrue();
        assertThat(c.get("FullyQualifiedName").asString()).isEqualTo("Acme Renovations");
        assertThat(c.path("MetaData").path("CreateTime").asString()).isNotBlank();

        Reply updated = post("/customer", "{\"Id\":\"" + c.get("Id").asString() + "\",\"SyncToken\":\"0\",\"sparse\":true,"
                + "\"CompanyName\":\"Acme\"}");
        assertThat(updated.body().get("Customer").get("SyncToken").asString()).isEqualTo("1");
        assertThat(updated.body().get("Customer").get("PrimaryEmailAddr").get("Address").asString()).isEqualTo("ap@acme.com");

        Reply read = get("/customer/" + c.get("Id").asString() + "?minorversion=70");
        assertThat(read.body().get("Customer").get("CompanyName").asString()).isEqualTo("Acme");
    }

    @Test
    void shouldDropOmittedFieldsOnAFullUpdateAndRefuseAStaleSyncToken() {
        JsonNode c = post("/customer", "{\"DisplayName\":\"Full Co\",\"CompanyName\":\"Full\"}").body().get("Customer");
        String id = c.get("Id").asString();

        Reply full = post("/customer", "{\"Id\":\"" + id + "\",\"SyncToken\":\"0\",\"DisplayName\":\"Full Co\"}");
        assertThat(full.body().get("Customer").has("CompanyName")).isFalse();

        Reply stale = post("/customer", "{\"Id\":\"" + id + "\",\"SyncToken\":\"0\",\"sparse\":true,\"Notes\":\"x\"}");
        assertThat(stale.status()).isEqualTo(400);
        assertThat(stale.code()).isEqualTo("5010");
        assertThat(stale.body().get("Fault").get("type").asString()).isEqualTo("ValidationFault");
    }

    @Test
    void shouldShareOneNameSpaceAcrossCustomerVendorAndEmployeeIncludingInactive() {
        JsonNode vendor = post("/vendor", "{\"DisplayName\":\"Shared Name\"}").body().get("Vendor");
        post("/vendor", "{\"Id\":\"" + vendor.get("Id").asString() + "\",\"SyncToken\":\"0\",\"sparse\":true,\"Active\":false}");

        Reply clash = post("/customer", "{\"DisplayName\":\"  shared NAME \"}");
        assertThat(clash.status()).isEqualTo(400);
        assertThat(clash.code()).isEqualTo("6240");
        assertThat(clash.body().get("Fault").get("Error").get(0).get("Message").asString()).isEqualTo("Duplicate Name Exists Error");

        customer("Emp Clash");
        assertThat(post("/employee", "{\"GivenName\":\"Emp\",\"FamilyName\":\"Clash\"}").code()).isEqualTo("6240");
        assertThat(post("/customer", "{\"DisplayName\":\"Bad: name\"}").status()).isEqualTo(400);
    }

    @Test
    void shouldBuildSubCustomerHierarchyAndRefuseUnknownParent() {
        JsonNode parent = customer("Parent Co");
        Reply job = post("/customer", "{\"DisplayName\":\"Kitchen\",\"Job\":true,\"BillWithParent\":true,"
                + "\"ParentRef\":{\"value\":\"" + parent.get("Id").asString() + "\"}}");
        JsonNode j = job.body().get("Customer");
        assertThat(j.get("FullyQualifiedName").asString()).isEqualTo("Parent Co:Kitchen");
        assertThat(j.get("Level").asInt()).isEqualTo(1);
        assertThat(j.get("Job").asBoolean()).isTrue();
        assertThat(j.get("BillWithParent").asBoolean()).isTrue();

        assertThat(post("/customer", "{\"DisplayName\":\"Orphan\",\"ParentRef\":{\"value\":\"999\"}}").code()).isEqualTo("2500");
    }

    @Test
    void shouldAnswer610ForMissingAndMergedAwayObjectsAndEmitMerge() {
        assertThat(get("/customer/4242").code()).isEqualTo("610");
        JsonNode loser = customer("Loser");
        JsonNode winner = customer("Winner");

        Reply merged = admin(HttpMethod.POST, "/admin/realms/" + realmId + "/customers/merge",
                "{\"fromId\":\"" + loser.get("Id").asString() + "\",\"toId\":\"" + winner.get("Id").asString() + "\"}");
        assertThat(merged.status()).isEqualTo(200);
        assertThat(get("/customer/" + loser.get("Id").asString()).code()).isEqualTo("610");
        assertThat(get("/customer/" + winner.get("Id").asString()).status()).isEqualTo(200);
    }

    @Test
    void shouldReplayTheOriginalResponseForARepeatedRequestId() {
        Reply first = post("/customer?requestid=evt-123", "{\"DisplayName\":\"Once Only\"}");
        Reply second = post("/customer?requestid=evt-123", "{\"DisplayName\":\"Once Only\"}");

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.raw()).isEqualTo(first.raw());
        assertThat(admin(HttpMethod.GET, "/admin/realms/" + realmId + "/entities/customer", null).body()).hasSize(1);
        assertThat(post("/customer?requestid=" + "x".repeat(51), "{\"DisplayName\":\"Too long\"}").status()).isEqualTo(400);
    }

    // ---- query ----

    @Test
    void shouldQueryWithEscapedQuotesActiveFilterPagingAndNoOr() {
        customer("O'Brien Ltd");
        JsonNode inactive = customer("Dormant");
        post("/customer", "{\"Id\":\"" + inactive.get("Id").asString() + "\",\"SyncToken\":\"0\",\"sparse\":true,\"Active\":false}");
        for (int i = 0; i < 5; i++) {
            customer("Page " + i);
        }

        Reply obrien = query("select * from Customer where DisplayName = 'o\\'brien ltd'");
        assertThat(obrien.body().get("QueryResponse").get("Customer")).hasSize(1);

        assertThat(query("SELECT * FROM Customer WHERE DisplayName = 'Dormant'").body().get("QueryResponse").has("Customer")).isFalse();
        assertThat(query("SELECT * FROM Customer WHERE DisplayName = 'Dormant' AND Active IN (true,false)")
                .body().get("QueryResponse").get("Customer")).hasSize(1);
        assertThat(query("SELECT * FROM Customer WHERE Active = false").body().get("QueryResponse").get("Customer")).hasSize(1);

        JsonNode page = query("SELECT * FROM Customer WHERE DisplayName LIKE 'Page%' ORDERBY DisplayName DESC "
                + "STARTPOSITION 2 MAXRESULTS 2").body().get("QueryResponse");
        assertThat(page.get("startPosition").asInt()).isEqualTo(2);
        assertThat(page.get("maxResults").asInt()).isEqualTo(2);
        assertThat(page.get("Customer").get(0).get("DisplayName").asString()).isEqualTo("Page 3");
        assertThat(query("SELECT COUNT(*) FROM Customer").body().get("QueryResponse").get("totalCount").asInt()).isEqualTo(6);

        Reply or = query("SELECT * FROM Customer WHERE DisplayName = 'a' OR DisplayName = 'b'");
        assertThat(or.status()).isEqualTo(400);
        assertThat(or.code()).isEqualTo("4000");

        String viaGet = client.get().uri(b -> b.path("/v3/company/{realm}/query").queryParam("query", "{q}")
                        .build(realmId, "select * from Item where Name = 'Services'"))
                .headers(h -> h.setBearerAuth(token)).exchange().expectBody(String.class).returnResult().getResponseBody();
        assertThat(viaGet).contains("\"Name\":\"Services\"", "\"startPosition\":1");
    }

    // ---- transactions ----

    @Test
    void shouldComputeInvoiceTotalsAndRefuseDuplicateOrLongDocNumbersAndWrongAmounts() {
        String customerId = customer("Invoice Co").get("Id").asString();
        JsonNode inv = invoice(customerId, "CP-1042", "380.00");
        assertThat(inv.get("TotalAmt").decimalValue()).isEqualByComparingTo("380");
        assertThat(inv.get("Balance").decimalValue()).isEqualByComparingTo("380");
        assertThat(inv.get("Line").get(1).get("DetailType").asString()).isEqualTo("SubTotalLineDetail");
        assertThat(query("select * from Invoice where DocNumber = 'cp-1042' and CustomerRef = '" + customerId + "'")
                .body().get("QueryResponse").get("Invoice").get(0).get("Id").asString()).isEqualTo(inv.get("Id").asString());
        assertThat(query("select * from Invoice where TxnDate >= '2000-01-01' and MetaData.LastUpdatedTime <= '2999-01-01T00:00:00Z'")
                .body().get("QueryResponse").get("Invoice")).hasSize(1);

        Reply dup = post("/invoice", "{\"CustomerRef\":{\"value\":\"" + customerId + "\"},\"DocNumber\":\"cp-1042\","
                + "\"Line\":[{\"DetailType\":\"SalesItemLineDetail\",\"Amount\":1,\"SalesItemLineDetail\":{\"Qty\":1,\"UnitPrice\":1}}]}");
        assertThat(dup.code()).isEqualTo("6140");
        assertThat(dup.body().get("Fault").get("Error").get(0).get("Message").asString()).isEqualTo("Duplicate Document Number Error");

        Reply tooLong = post("/invoice", "{\"CustomerRef\":{\"value\":\"" + customerId + "\"},\"DocNumber\":\"" + "9".repeat(22) + "\","
                + "\"Line\":[{\"DetailType\":\"SalesItemLineDetail\",\"Amount\":1}]}");
        assertThat(tooLong.code()).isEqualTo("6000");

        Reply wrong = post("/invoice", "{\"CustomerRef\":{\"value\":\"" + customerId + "\"},"
                + "\"Line\":[{\"DetailType\":\"SalesItemLineDetail\",\"Amount\":10,\"SalesItemLineDetail\":{\"Qty\":2,\"UnitPrice\":4}}]}");
        assertThat(wrong.code()).isEqualTo("6070");

        Reply badRef = post("/invoice", "{\"CustomerRef\":{\"value\":\"777\"},\"Line\":[{\"DetailType\":\"SalesItemLineDetail\",\"Amount\":1}]}");
        assertThat(badRef.code()).isEqualTo("2500");
    }

    @Test
    void shouldApplyPaymentsToInvoiceBalanceAndRestoreItWhenVoided() {
        String customerId = customer("Payer").get("Id").asString();
        JsonNode inv = invoice(customerId, "P-1", "380.00");
        String invId = inv.get("Id").asString();

        Reply pay = post("/payment", "{\"CustomerRef\":{\"value\":\"" + customerId + "\"},\"TotalAmt\":400.00,"
                + "\"Line\":[{\"Amount\":300.00,\"LinkedTxn\":[{\"TxnId\":\"" + invId + "\",\"TxnType\":\"Invoice\"}]}]}");
        JsonNode p = pay.body().get("Payment");
        assertThat(p.get("UnappliedAmt").decimalValue()).isEqualByComparingTo("100");
        assertThat(get("/invoice/" + invId).body().get("Invoice").get("Balance").decimalValue()).isEqualByComparingTo("80");

        Reply voided = post("/payment?operation=update&include=void",
                "{\"Id\":\"" + p.get("Id").asString() + "\",\"SyncToken\":\"0\",\"sparse\":true}");
        assertThat(voided.body().get("Payment").get("TotalAmt").decimalValue()).isEqualByComparingTo("0");
        assertThat(voided.body().get("Payment").get("PrivateNote").asString()).contains("Voided");
        assertThat(get("/invoice/" + invId).body().get("Invoice").get("Balance").decimalValue()).isEqualByComparingTo("380");
    }

    @Test
    void shouldVoidAndDeleteInvoicesButRefuseToDeleteNameLists() {
        String customerId = customer("Voider").get("Id").asString();
        JsonNode a = invoice(customerId, "V-1", "50");
        JsonNode b = invoice(customerId, "V-2", "60");

        JsonNode voided = post("/invoice?operation=void", "{\"Id\":\"" + a.get("Id").asString() + "\",\"SyncToken\":\"0\"}")
                .body().get("Invoice");
        assertThat(voided.get("TotalAmt").decimalValue()).isEqualByComparingTo("0");
        assertThat(voided.get("PrivateNote").asString()).contains("Voided");

        Reply deleted = post("/invoice?operation=delete", "{\"Id\":\"" + b.get("Id").asString() + "\",\"SyncToken\":\"0\"}");
        assertThat(deleted.body().get("Invoice").get("status").asString()).isEqualTo("Deleted");
        assertThat(get("/invoice/" + b.get("Id").asString()).code()).isEqualTo("610");

        assertThat(post("/customer?operation=delete", "{\"Id\":\"" + customerId + "\",\"SyncToken\":\"0\"}").status()).isEqualTo(400);
    }

    // ---- cdc and batch ----

    @Test
    void shouldReportChangesGroupedWithDeletedLastAndRefuseOldWindows() {
        String since = clock.instant().minusSeconds(1).toString();
        String customerId = customer("Cdc Co").get("Id").asString();
        JsonNode inv = invoice(customerId, "C-1", "10");
        post("/invoice?operation=delete", "{\"Id\":\"" + inv.get("Id").asString() + "\",\"SyncToken\":\"0\"}");
        invoice(customerId, "C-2", "20");

        JsonNode groups = get("/cdc?entities=Customer,Invoice&changedSince=" + since).body()
                .get("CDCResponse").get(0).get("QueryResponse");
        assertThat(groups.get(0).get("Customer")).hasSize(1);
        JsonNode invoices = groups.get(1).get("Invoice");
        assertThat(invoices).hasSize(2);
        assertThat(invoices.get(1).get("status").asString()).isEqualTo("Deleted");
        assertThat(invoices.get(1).get("Id").asString()).isEqualTo(inv.get("Id").asString());

        String future = clock.instant().plusSeconds(60).toString();
        assertThat(get("/cdc?entities=Customer&changedSince=" + future).body().get("CDCResponse").get(0).get("QueryResponse").get(0))
                .isEmpty();
        assertThat(get("/cdc?entities=Customer&changedSince=" + clock.instant().minus(Duration.ofDays(31))).status()).isEqualTo(400);
    }

    @Test
    void shouldCapCdcAtOneThousandObjects() {
        String since = clock.instant().minusSeconds(1).toString();
        StringBuilder items = new StringBuilder();
        for (int batch = 0; batch < 34; batch++) {
            items.setLength(0);
            for (int i = 0; i < 30; i++) {
                items.append(i == 0 ? "" : ",").append("{\"bId\":\"b").append(i).append("\",\"operation\":\"create\",")
                        .append("\"Customer\":{\"DisplayName\":\"Bulk ").append(batch).append('-').append(i).append("\"}}");
            }
            admin(HttpMethod.PUT, "/admin/realms/" + realmId + "/faults", "{\"batchesPerMinute\":1000}");
            assertThat(post("/batch", "{\"BatchItemRequest\":[" + items + "]}").status()).isEqualTo(200);
        }
        JsonNode groups = get("/cdc?entities=Customer,Item&changedSince=" + since).body().get("CDCResponse").get(0).get("QueryResponse");
        assertThat(groups).hasSize(1);
        assertThat(groups.get(0).get("Customer")).hasSize(1000);
    }

    @Test
    void shouldAnswerBatchItemsIndependentlyAndRefuseMoreThanThirty() {
        String customerId = customer("Batch Co").get("Id").asString();
        JsonNode inv = invoice(customerId, "B-1", "5");
        Reply batch = post("/batch", "{\"BatchItemRequest\":["
                + "{\"bId\":\"c1\",\"operation\":\"create\",\"Customer\":{\"DisplayName\":\"Batch New\"}},"
                + "{\"bId\":\"c2\",\"operation\":\"create\",\"Customer\":{\"DisplayName\":\"Batch Co\"}},"
                + "{\"bId\":\"v1\",\"operation\":\"update\",\"optionsData\":\"void\",\"Invoice\":{\"Id\":\"" + inv.get("Id").asString()
                + "\",\"SyncToken\":\"0\"}},"
                + "{\"bId\":\"q1\",\"Query\":\"select * from Customer where DisplayName = 'Batch Co'\"}]}");
        JsonNode items = batch.body().get("BatchItemResponse");
        assertThat(items.get(0).get("Customer").get("Id").asString()).isNotBlank();
        assertThat(items.get(1).get("Fault").get("Error").get(0).get("code").asString()).isEqualTo("6240");
        assertThat(items.get(2).get("Invoice").get("PrivateNote").asString()).contains("Voided");
        assertThat(items.get(3).get("QueryResponse").get("Customer")).hasSize(1);

        String tooMany = String.join(",", Collections.nCopies(31, "{\"bId\":\"q\",\"Query\":\"select * from Item\"}"));
        assertThat(post("/batch", "{\"BatchItemRequest\":[" + tooMany + "]}").status()).isEqualTo(400);
    }

    // ---- limits, faults, stats ----

    @Test
    void shouldThrottleAfterTenPerSecondAndFiveHundredPerMinute() {
        admin(HttpMethod.DELETE, "/admin/realms/" + realmId + "/faults", null);
        clock.freeze();
        try {
            for (int i = 0; i < 10; i++) {
                assertThat(get("/item/1").status()).isEqualTo(200);
            }
            Reply throttled = get("/item/1");
            assertThat(throttled.status()).isEqualTo(429);
            assertThat(throttled.code()).isEqualTo("3001");
            clock.advance(Duration.ofSeconds(1));
            assertThat(get("/item/1").status()).isEqualTo(200);

            admin(HttpMethod.PUT, "/admin/realms/" + realmId + "/faults", "{\"requestsPerSecond\":100000,\"throttleBodyXml\":true}");
            for (int i = 11; i < 500; i++) {
                assertThat(post("/customer", "{\"DisplayName\":\"Rate " + i + "\"}").status()).isEqualTo(200);
            }
            Reply overMinute = get("/item/1");
            assertThat(overMinute.status()).isEqualTo(429);
            assertThat(overMinute.raw()).contains("<Fault type=\"SERVICE\"><Error code=\"3001\">",
                    "message=ThrottleExceeded; errorCode=003001; statusCode=429");
            clock.advance(Duration.ofSeconds(61));
            assertThat(get("/item/1").status()).isEqualTo(200);

            JsonNode stats = admin(HttpMethod.GET, "/admin/realms/" + realmId + "/stats", null).body();
            assertThat(stats.get("writes").asInt()).isEqualTo(489);
            assertThat(stats.get("reads").asInt()).isEqualTo(14);
            assertThat(stats.get("byStatus").get("429").asInt()).isEqualTo(2);
        } finally {
            clock.unfreeze();
        }
    }

    @Test
    void shouldInjectOutagesAndErrorRates() {
        admin(HttpMethod.PUT, "/admin/realms/" + realmId + "/faults", "{\"outageSeconds\":60}");
        assertThat(get("/item/1").status()).isEqualTo(503);
        clock.advance(Duration.ofSeconds(61));
        assertThat(get("/item/1").status()).isEqualTo(200);

        admin(HttpMethod.PUT, "/admin/realms/" + realmId + "/faults", "{\"errorRate\":1.0,\"errorStatus\":500}");
        assertThat(get("/item/1").status()).isEqualTo(500);
        admin(HttpMethod.PUT, "/admin/realms/" + realmId + "/faults", "{\"errorRate\":0.0}");
        assertThat(get("/item/1").status()).isEqualTo(200);
        admin(HttpMethod.DELETE, "/admin/realms/" + realmId + "/stats", null);
        assertThat(admin(HttpMethod.GET, "/admin/realms/" + realmId + "/stats", null).body().get("requests").asInt()).isZero();
    }

    @Test
    void shouldThrottleBatchesAtFortyPerMinute() {
        String oneQuery = "{\"BatchItemRequest\":[{\"bId\":\"q\",\"Query\":\"select * from Item\"}]}";
        clock.freeze();
        try {
            for (int i = 0; i < 40; i++) {
                assertThat(post("/batch", oneQuery).status()).isEqualTo(200);
            }
            Reply throttled = post("/batch", oneQuery);
            assertThat(throttled.status()).isEqualTo(429);
            assertThat(throttled.headers().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
            assertThat(get("/item/1").status()).isEqualTo(200);
        } finally {
            clock.unfreeze();
        }
    }

    @Test
    void shouldDelayResponsesByTheInjectedLatency() {
        admin(HttpMethod.PUT, "/admin/realms/" + realmId + "/faults", "{\"latencyMs\":400}");
        long start = System.nanoTime();
        assertThat(get("/item/1").status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void shouldAnswerAMissingQueryWithAValidationFault() {
        Reply r = get("/query");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("2020");
    }

    // ---- oauth ----

    @Test
    void shouldHonourAPerRealmAccessTokenLifetimeAndRefuseTokensOfAnotherRealm() {
        admin(HttpMethod.PUT, "/admin/realms/" + realmId + "/faults", "{\"accessTokenTtlSeconds\":5}");
        JsonNode pair = admin(HttpMethod.POST, "/admin/realms/" + realmId + "/tokens", null).body();
        assertThat(pair.get("expires_in").asLong()).isEqualTo(5);
        String shortLived = pair.get("access_token").asString();
        assertThat(call(HttpMethod.GET, "/v3/company/" + realmId + "/item/1", null, null, shortLived).status()).isEqualTo(200);

        assertThat(call(HttpMethod.GET, "/v3/company/someone-else/item/1", null, null, shortLived).status()).isEqualTo(403);
        clock.advance(Duration.ofSeconds(6));
        assertThat(call(HttpMethod.GET, "/v3/company/" + realmId + "/item/1", null, null, shortLived).status()).isEqualTo(401);
    }


    @Test
    void shouldRunTheCodeFlowWithRotatingRefreshTokensAndExpiringAccessTokens() {
        String redirect = "http://localhost/callback";
        var location = client.get().uri(b -> b.path("/connect/oauth2").queryParam("client_id", "local-client-id")
                        .queryParam("response_type", "code").queryParam("scope", "com.intuit.quickbooks.accounting")
                        .queryParam("redirect_uri", redirect).queryParam("state", "st-1").queryParam("realmId", realmId).build())
                .exchange().expectStatus().isFound().returnResult(Void.class).getResponseHeaders().getLocation();
        String q = location.getQuery();
        assertThat(q).contains("state=st-1", "realmId=" + realmId);
        String code = q.replaceAll(".*code=([^&]+).*", "$1");

        JsonNode pair = token("grant_type=authorization_code&code=" + code + "&redirect_uri=" + redirect, true).body();
        assertThat(pair.get("token_type").asString()).isEqualTo("bearer");
        assertThat(pair.get("expires_in").asLong()).isEqualTo(3600);
        assertThat(pair.get("x_refresh_token_expires_in").asLong()).isEqualTo(8726400);
        assertThat(token("grant_type=authorization_code&code=" + code + "&redirect_uri=" + redirect, true).status()).isEqualTo(400);

        String refresh = pair.get("refresh_token").asString();
        JsonNode next = token("grant_type=refresh_token&refresh_token=" + refresh, true).body();
        Reply reused = token("grant_type=refresh_token&refresh_token=" + refresh, true);
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.body().get("error").asString()).isEqualTo("invalid_grant");
        assertThat(token("grant_type=refresh_token&refresh_token=" + next.get("refresh_token").asString(), false).status()).isEqualTo(401);

        String access = next.get("access_token").asString();
        assertThat(call(HttpMethod.GET, "/v3/company/" + realmId + "/item/1", null, null, access).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(61));
        Reply expired = call(HttpMethod.GET, "/v3/company/" + realmId + "/item/1", null, null, access);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.body().get("fault").get("error").get(0).get("code").asString()).isEqualTo("3200");
        assertThat(call(HttpMethod.GET, "/v3/company/" + realmId + "/item/1", null, null, null).status()).isEqualTo(401);
    }

    Reply token(String form, boolean rightClient) {
        String basic = Base64.getEncoder().encodeToString(
                ((rightClient ? "local-client-id" : "intruder") + ":local-client-secret").getBytes(StandardCharsets.UTF_8));
        EntityExchangeResult<String> r = client.post().uri("/oauth2/v1/tokens/bearer")
                .header(HttpHeaders.AUTHORIZATION, "Basic " + basic)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromValue(form))
                .exchange().expectBody(String.class).returnResult();
        return new Reply(r.getStatus().value(), Json.MAPPER.readTree(r.getResponseBody()), r.getResponseHeaders(), r.getResponseBody());
    }

    // ---- webhooks ----

    @Test
    void shouldDeliverSignedWebhooksInBothFormatsAndRedeliverAfterAFailure() {
        String target = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        admin(HttpMethod.PUT, "/admin/webhooks", "{\"targetUrl\":\"" + target + "\",\"verifierToken\":\"vt-1\",\"format\":\"CLOUDEVENTS\",\"enabled\":true}");
        String id = customer("Hooked").get("Id").asString();

        Delivery ce = awaitDelivery("\"intuitentityid\":\"" + id + "\"");
        assertThat(ce.contentType()).isEqualTo("application/cloudevents+json");
        assertThat(ce.signature()).isEqualTo(WebhookSigner.sign("vt-1", ce.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(ce.body()).contains("\"type\":\"qbo.customer.created.v1\"", "\"intuitaccountid\":\"" + realmId + "\"",
                "\"specversion\":\"1.0\"");

        admin(HttpMethod.PUT, "/admin/webhooks", "{\"format\":\"LEGACY\"}");
        failuresToAnswer.set(2);
        int before = attempts.get();
        post("/customer", "{\"Id\":\"" + id + "\",\"SyncToken\":\"0\",\"sparse\":true,\"Notes\":\"n\"}");

        Delivery legacy = awaitDelivery("\"operation\":\"Update\"");
        assertThat(attempts.get() - before).isGreaterThanOrEqualTo(3);
        assertThat(legacy.signature()).isEqualTo(WebhookSigner.sign("vt-1", legacy.body().getBytes(StandardCharsets.UTF_8)));
        JsonNode n = Json.MAPPER.readTree(legacy.body()).get("eventNotifications").get(0);
        assertThat(n.get("realmId").asString()).isEqualTo(realmId);
        assertThat(n.get("dataChangeEvent").get("entities").get(0).get("name").asString()).isEqualTo("Customer");

        admin(HttpMethod.PUT, "/admin/webhooks", "{\"format\":\"CLOUDEVENTS\"}");
        String loser = customer("Merged Away").get("Id").asString();
        admin(HttpMethod.POST, "/admin/realms/" + realmId + "/customers/merge", "{\"fromId\":\"" + loser + "\",\"toId\":\"" + id + "\"}");
        Delivery merge = awaitDelivery("qbo.customer.merged.v1");
        assertThat(merge.body()).contains("\"deletedId\":\"" + loser + "\"");

        JsonNode inv = invoice(id, "W-1", "12");
        post("/invoice?operation=void", "{\"Id\":\"" + inv.get("Id").asString() + "\",\"SyncToken\":\"0\"}");
        awaitDelivery("qbo.invoice.void.v1");
        admin(HttpMethod.PUT, "/admin/webhooks", "{\"enabled\":false}");
    }

    Delivery awaitDelivery(String fragment) {
        return await().atMost(Duration.ofSeconds(10)).until(
                () -> deliveries.stream().filter(d -> d.body().contains(fragment) && d.body().contains(realmId)).findFirst(),
                Optional::isPresent).get();
    }
}
