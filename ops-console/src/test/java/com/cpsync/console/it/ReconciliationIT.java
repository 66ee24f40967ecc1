package com.cpsync.console.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.cpsync.mapping.MappingServiceApplication;
import com.cpsync.sandbox.QboSandboxApplication;
import com.cpsync.schemas.Topics;
import com.cpsync.schemas.avro.CenterpointEvent;
import com.cpsync.schemas.avro.CompanyCreated;
import com.cpsync.schemas.avro.QboEntityChange;
import com.cpsync.schemas.avro.ServiceInvoiceCreated;
import com.cpsync.schemas.avro.SyncEntityType;
import com.cpsync.schemas.avro.SyncResult;
import com.cpsync.schemas.serde.AvroDeserializer;
import com.cpsync.schemas.serde.AvroSerializer;
import com.cpsync.standin.CenterpointStandInApplication;
import com.cpsync.testsupport.apps.InProcessApp;
import com.cpsync.testsupport.apps.InProcessPeers;
import com.cpsync.testsupport.apps.SharedSpringContext;
import com.cpsync.testsupport.apps.StartInProcessPeers;

import static com.cpsync.console.it.Records.anOutcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reconciliation and resync (issue 12) against the real parts the console talks to: the QBO sandbox, mapping-service
 * and the Centerpoint stand-in in-process, an embedded broker, PostgreSQL. The sync services do not run here (the
 * console depends on none): each test plays what cp-outbound-service would have done (the QBO entity, its link, its
 * SYNCED outcome), then checks what the reconciliation names and what a resync hands to the normal sync path.
 */
@StartInProcessPeers(sandbox = QboSandboxApplication.class, mappingService = MappingServiceApplication.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "app.access.users[0].name=ops", "app.access.users[0].password=local-ops-password",
        "app.access.users[0].role=OPERATOR", "app.reconciliation.daily=false",
        // nothing consumes in this test: a change is in flight only while a sync group is behind
        "app.reconciliation.write-grace=0s",
        "logging.level.org.apache.kafka=WARN", "logging.level.kafka=WARN",
        "logging.level.io.zonky.test.db.postgres.embedded=WARN"})
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers", topics = {
        Topics.SYNC_OUTCOMES, Topics.CENTERPOINT_EVENTS, Topics.CENTERPOINT_COMMANDS, Topics.QBO_CHANGES,
        Topics.CENTERPOINT_SYNC_SETTINGS})
@ExtendWith(SharedSpringContext.class)
class ReconciliationIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Instant LONG_AGO = Instant.now().minus(Duration.ofHours(1));
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static InProcessApp standIn;

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final String realm = "r" + UUID.randomUUID().toString().substring(0, 8);
    private final InProcessPeers peers = InProcessPeers.running();

    @DynamicPropertySource
    static void peersAndDatabase(DynamicPropertyRegistry registry) throws IOException {
        TestDatabase.register(registry, "reconciliation");
        registry.add("app.mapping.base-url", () -> InProcessPeers.running().mappingUrl());
        registry.add("app.qbo.base-url", () -> InProcessPeers.running().sandboxUrl());
        registry.add("app.centerpoint.base-url", ReconciliationIT::standInUrl);
    }

    /** The stand-in on the embedded broker, started once the broker runs (its address is then known). */
    private static synchronized String standInUrl() {
        if (standIn == null) {
            InProcessPeers peers = InProcessPeers.running();
            standIn = InProcessApp.start(CenterpointStandInApplication.class,
                    "--spring.main.web-application-type=reactive",
                    // the console's JDBC is on this classpath; the stand-in keeps its data in memory
                    "--spring.autoconfigure.exclude=" + InProcessPeers.NO_DATABASE,
                    "--spring.kafka.bootstrap-servers=" + System.getProperty("spring.kafka.bootstrap-servers"),
                    "--app.mapping-url=" + peers.mappingUrl(), "--app.sandbox-url=" + peers.sandboxUrl());
        }
        return standIn.url();
    }

    @Test
    void shouldReportAnInvoiceChangedInQboWithBothAmountsAndResyncCenterpointsInvoice() {
        SyncedInvoice synced = syncedInvoice("si-1", "SI-1001", "380.00");
        peers.sandbox("POST", "/admin/realms/" + realm + "/entities/invoice", "{\"Id\":\"" + synced.invoiceId()
                + "\",\"SyncToken\":\"" + synced.syncToken() + "\",\"sparse\":true,\"Line\":[" + line("420.00")
                + "]}");
        long readsBefore = peers.stats(realm).path("reads").asLong();

        JsonNode report = reconcile();

        assertThat(report.path("status").asString()).isEqualTo("DONE");
        assertThat(report.path("summary").path("qboReads").asInt()).isEqualTo(3);
        assertThat(peers.stats(realm).path("reads").asLong() - readsBefore).isEqualTo(3);
        JsonNode changed = difference(report, "si-1");
        assertThat(changed.path("kind").asString()).isEqualTo("CHANGED_IN_QBO");
        assertThat(changed.path("qboId").asString()).isEqualTo(synced.invoiceId());
        assertThat(changed.path("reason").asString()).contains("380.00").contains("420.00");
        assertThat(report.path("summary").path("unexplained").asInt()).isEqualTo(1);

        ConsoleApi.Reply resync = operator().post("/api/tenants/" + tenant + "/resync",
                "{\"entity\":\"SERVICE_INVOICE\",\"centerpointId\":\"si-1\"}");

        assertThat(resync.status()).as(resync.text()).isEqualTo(200);
        assertThat(resync.body().path("resent").get(0).path("via").asString()).isEqualTo("CENTERPOINT_EVENT");
        // Centerpoint published the invoice again, with its own total, into the topic cp-outbound-service consumes
        String causation = "resync:" + resync.body().path("reconciliationId").asLong();
        List<ConsumerRecord<String, byte[]>> events = TopicReading.readUntil(brokers, Topics.CENTERPOINT_EVENTS,
                record -> tenant.equals(record.key()) && causation.equals(decodeEvent(record).getCausationId()), WAIT);
        CenterpointEvent again = decodeEvent(events.get(events.size() - 1));
        assertThat(((ServiceInvoiceCreated) again.getPayload()).getInvoice().getTotal()).isEqualTo("380.00");
    }

    @Test
    void shouldNameAVoidedInvoiceDeletedInQboAndAHeldConflictExplained() {
        SyncedInvoice synced = syncedInvoice("si-2", "SI-2002", "150.00");
        voidInQbo(synced.invoiceId());
        standIn("POST", "/tenants/" + tenant + "/events", Map.of("type", "CompanyCreated",
                "occurredAt", LONG_AGO.toString(), "company", Map.of("id", "co-held", "name", "Roof Repair")));
        publish(anOutcome(tenant, SyncEntityType.COMPANY, "co-held", null, SyncResult.CONFLICT,
                "QBO Vendor 56 'Roof Repair' already uses the name of company co-held", Instant.now()));
        awaitIndexed("co-held");

        JsonNode report = reconcile();

        assertThat(difference(report, "si-2").path("kind").asString()).isEqualTo("DELETED_IN_QBO");
        assertThat(difference(report, "si-2").path("reason").asString()).contains("voided");
        JsonNode held = difference(report, "co-held");
        assertThat(held.path("kind").asString()).isEqualTo("HELD_CONFLICT");
        assertThat(held.path("reason").asString()).contains("Vendor 56");
        assertThat(report.path("summary").path("explained").asInt()).isEqualTo(1);
        assertThat(report.path("summary").path("unexplained").asInt()).isEqualTo(1);
    }

    @Test
    void shouldReportAPaymentMadeInQboAsMissingInCenterpointAndAnnounceItOnResync() {
        SyncedInvoice synced = syncedInvoice("si-3", "SI-3003", "200.00");
        JsonNode payment = peers.sandbox("POST", "/admin/realms/" + realm + "/entities/payment",
                "{\"CustomerRef\":{\"value\":\"" + synced.customerId() + "\"},\"TotalAmt\":200.00,"
                        + "\"TxnDate\":\"2026-11-20\",\"Line\":[{\"Amount\":200.00,\"LinkedTxn\":[{\"TxnId\":\""
                        + synced.invoiceId() + "\",\"TxnType\":\"Invoice\"}]}]}").path("Payment");
        String paymentId = payment.path("Id").asString();

        JsonNode report = reconcile();

        JsonNode missing = report.path("differences").valueStream()
                .filter(d -> paymentId.equals(d.path("qboId").asString())).findFirst().orElseThrow();
        assertThat(missing.path("entity").asString()).isEqualTo("PAYMENT");
        assertThat(missing.path("kind").asString()).isEqualTo("MISSING_IN_CENTERPOINT");
        assertThat(report.path("months").valueStream().filter(m -> m.path("month").asString().equals("2026-11"))
                .findFirst().orElseThrow().path("qbo").path("payments").asInt()).isEqualTo(1);

        ConsoleApi.Reply resync = operator().post("/api/tenants/" + tenant + "/resync",
                "{\"kind\":\"MISSING_IN_CENTERPOINT\"}");

        assertThat(resync.status()).as(resync.text()).isEqualTo(200);
        List<ConsumerRecord<String, byte[]>> changes = TopicReading.readUntil(brokers, Topics.QBO_CHANGES,
                record -> realm.equals(record.key()) && paymentId.equals(decodeChange(record).getEntityId()), WAIT);
        QboEntityChange change = decodeChange(changes.get(changes.size() - 1));
        assertThat(change.getChangeId()).startsWith("resync:");
        assertThat(change.getEntityName()).isEqualTo("Payment");
        assertThat(change.getEntityJson()).contains("\"Id\":\"" + paymentId + "\"");
    }

    @Test
    void shouldHandEveryCompanyOfANewlyConnectedTenantToTheSyncPathOnResyncAll() {
        int companies = 50;
        for (int i = 0; i < companies; i++) {
            standIn("POST", "/tenants/" + tenant + "/events", Map.of("type", "CompanyCreated", "occurredAt",
                    LONG_AGO.toString(), "company", Map.of("id", "co-" + i, "name", "Company " + i)));
        }
        connectWithSettings();
        // some already are QBO customers: cp-outbound-service's match-before-create links them (not run here)
        peers.sandbox("POST", "/admin/realms/" + realm + "/entities/customer", "{\"DisplayName\":\"Company 7\"}");

        JsonNode report = reconcile();

        assertThat(report.path("differences").valueStream().filter(d -> d.path("entity").asString().equals("COMPANY")
                && d.path("centerpointId").isString()).map(d -> d.path("kind").asString()))
                .hasSize(companies).containsOnly("MISSING_IN_QBO");
        // the existing customer itself: the settings take no new companies from QBO
        assertThat(report.path("summary").path("explained").asInt()).isEqualTo(1);
        assertThat(operator().post("/api/tenants/" + tenant + "/resync", "{\"kind\":\"HELD_CONFLICT\"}").status())
                .isEqualTo(400);
        assertThat(operator().post("/api/tenants/" + tenant + "/resync", "{}").status()).isEqualTo(400);
        assertThat(operator().get("/api/tenants/" + tenant + "/reconciliations/999999").status()).isEqualTo(404);

        ConsoleApi.Reply all = operator().post("/api/tenants/" + tenant + "/resync", "{\"all\":true}");

        assertThat(all.status()).as(all.text()).isEqualTo(200);
        assertThat(all.body().path("resent").valueStream().map(r -> r.path("via").asString()))
                .hasSize(companies).containsOnly("CENTERPOINT_EVENT");
        String causation = "resync:" + all.body().path("reconciliationId").asLong();
        Set<String> reemitted = new HashSet<>();
        TopicReading.readUntil(brokers, Topics.CENTERPOINT_EVENTS, record -> {
            CenterpointEvent event = decodeEvent(record);
            if (tenant.equals(record.key()) && causation.equals(event.getCausationId())) {
                reemitted.add(((CompanyCreated) event.getPayload()).getCompany().getId());
            }
            return reemitted.size() == companies;
        }, WAIT);
        assertThat(reemitted).contains("co-0", "co-7", "co-49");
    }

    @Test
    void shouldStayWithinTheMeteredReadBoundForAThousandSyncedInvoices() {
        int invoices = 1000;
        connectWithSettings();
        String customerId = customer("co-big", "Big Builders");
        for (int i = 0; i < invoices; i++) {
            String id = "si-big-" + i;
            String qboId = peers.sandbox("POST", "/admin/realms/" + realm + "/entities/invoice", invoiceJson(customerId,
                    "B-" + i, "10.00")).path("Invoice").path("Id").asString();
            standIn("POST", "/tenants/" + tenant + "/events", invoiceEvent(id, "co-big", "B-" + i, "10.00"));
            peers.mapping("PUT", "/tenants/" + tenant + "/links/SERVICE_INVOICE/" + id, Map.of("qboId", qboId));
        }
        long readsBefore = peers.stats(realm).path("reads").asLong();

        JsonNode report = reconcile();

        // Customer: 1 page; Invoice: 1,000 and an empty last page; Payment: 1 page (docs/reconciliation.md)
        assertThat(report.path("summary").path("qboReads").asInt()).isEqualTo(4);
        assertThat(peers.stats(realm).path("reads").asLong() - readsBefore).isEqualTo(4);
        assertThat(report.path("summary").path("checked").asInt()).isEqualTo(invoices + 1);
        assertThat(report.path("summary").path("matched").asInt()).isEqualTo(invoices + 1);
    }

    // ---- what cp-outbound-service would have done, and the tenant's Centerpoint

    private record SyncedInvoice(String customerId, String invoiceId, String syncToken) {
    }

    private void connectWithSettings() {
        peers.connect(tenant, realm);
        standIn("PUT", "/tenants/" + tenant + "/settings", Map.of("companiesToQbo", "WHEN_CREATED",
                "serviceInvoicesToQbo", "WHEN_CREATED", "sendServiceInvoiceChanges", true, "getNewPayments", true,
                "getPaymentChanges", true));
    }

    /** The company and its invoice in Centerpoint and in QBO, linked, with their SYNCED outcomes. */
    private SyncedInvoice syncedInvoice(String invoiceId, String number, String total) {
        connectWithSettings();
        String companyId = "co-" + invoiceId;
        String customerId = customer(companyId, "Acme " + invoiceId);
        standIn("POST", "/tenants/" + tenant + "/events", invoiceEvent(invoiceId, companyId, number, total));
        JsonNode qboInvoice = peers.sandbox("POST", "/admin/realms/" + realm + "/entities/invoice",
                invoiceJson(customerId, number, total)).path("Invoice");
        String qboInvoiceId = qboInvoice.path("Id").asString();
        peers.mapping("PUT", "/tenants/" + tenant + "/links/SERVICE_INVOICE/" + invoiceId,
                Map.of("qboId", qboInvoiceId));
        // synced ten minutes ago: what QBO's user changes from now on comes after the sync
        Instant syncedAt = Instant.now().minus(Duration.ofMinutes(10));
        publish(anOutcome(tenant, SyncEntityType.COMPANY, companyId, customerId, SyncResult.SYNCED, null, syncedAt));
        publish(anOutcome(tenant, SyncEntityType.SERVICE_INVOICE, invoiceId, qboInvoiceId, SyncResult.SYNCED, null,
                syncedAt));
        awaitIndexed(invoiceId);
        return new SyncedInvoice(customerId, qboInvoiceId, qboInvoice.path("SyncToken").asString());
    }

    private String customer(String companyId, String name) {
        standIn("POST", "/tenants/" + tenant + "/events", Map.of("type", "CompanyCreated", "occurredAt",
                LONG_AGO.toString(), "company", Map.of("id", companyId, "name", name)));
        String customerId = peers.sandbox("POST", "/admin/realms/" + realm + "/entities/customer",
                "{\"DisplayName\":\"" + name + "\"}").path("Customer").path("Id").asString();
        peers.mapping("PUT", "/tenants/" + tenant + "/links/COMPANY/" + companyId, Map.of("qboId", customerId));
        return customerId;
    }

    private static Map<String, Object> invoiceEvent(String id, String companyId, String number, String total) {
        return Map.of("type", "ServiceInvoiceCreated", "occurredAt", LONG_AGO.toString(), "invoice", Map.of("id", id,
                "companyId", companyId, "ticketId", "tk-" + id, "number", number, "issueDate", "2026-11-03",
                "total", total, "lines", List.of(Map.of("description", "Labour", "quantity", "1", "unitPrice", total,
                        "amount", total))));
    }

    private static String invoiceJson(String customerId, String number, String total) {
        return "{\"CustomerRef\":{\"value\":\"" + customerId + "\"},\"DocNumber\":\"" + number
                + "\",\"TxnDate\":\"2026-11-03\",\"Line\":[" + line(total) + "]}";
    }

    private static String line(String amount) {
        return "{\"Amount\":" + amount + ",\"DetailType\":\"SalesItemLineDetail\",\"SalesItemLineDetail\":"
                + "{\"ItemRef\":{\"value\":\"1\"},\"Qty\":1,\"UnitPrice\":" + amount + "}}";
    }

    private void voidInQbo(String invoiceId) {
        JsonNode invoice = peers.entities(realm, "invoice").stream()
                .filter(i -> i.path("Id").asString().equals(invoiceId)).findFirst().orElseThrow();
        HttpRequest request = HttpRequest.newBuilder(URI.create(peers.sandboxUrl() + "/v3/company/" + realm
                        + "/invoice?operation=void&minorversion=75"))
                .header("Authorization", "Bearer " + peers.sandboxAccessToken(realm))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"Id\":\"" + invoiceId + "\",\"SyncToken\":\""
                        + invoice.path("SyncToken").asString() + "\"}")).build();
        assertThat(send(request).statusCode()).isEqualTo(200);
    }

    private JsonNode standIn(String method, String path, Object body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(standInUrl() + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        HttpResponse<String> response = send(request);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    // ---- the console

    private ConsoleApi operator() {
        return ConsoleApi.as(port, "ops", "local-ops-password");
    }

    /** Starts a reconciliation through the API (202 {"id"}) and waits for its report. */
    private JsonNode reconcile() {
        ConsoleApi.Reply started = operator().post("/api/tenants/" + tenant + "/reconciliations");
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        String path = "/api/tenants/" + tenant + "/reconciliations/" + started.body().path("id").asLong();
        await().atMost(WAIT).until(() -> !operator().ok(path).path("status").asString().equals("RUNNING"));
        JsonNode report = operator().ok(path);
        assertThat(report.path("status").asString()).as(report.toString()).isEqualTo("DONE");
        return report;
    }

    private static JsonNode difference(JsonNode report, String centerpointId) {
        return report.path("differences").valueStream()
                .filter(d -> centerpointId.equals(d.path("centerpointId").asString())).findFirst()
                .orElseThrow(() -> new AssertionError("no difference of " + centerpointId + " in " + report));
    }

    private void awaitIndexed(String centerpointId) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(operator().get("/api/tenants/" + tenant
                + "/outcomes?q=" + centerpointId).text()).contains(centerpointId));
    }

    private void publish(SpecificRecord outcome) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.SYNC_OUTCOMES, tenant,
                    new AvroSerializer().serialize(Topics.SYNC_OUTCOMES, outcome))).get();
        }
        catch (Exception ex) {
            throw new IllegalStateException("could not publish the outcome", ex);
        }
    }

    private static CenterpointEvent decodeEvent(ConsumerRecord<String, byte[]> record) {
        return (CenterpointEvent) new AvroDeserializer().deserialize(record.topic(), record.value());
    }

    private static QboEntityChange decodeChange(ConsumerRecord<String, byte[]> record) {
        return (QboEntityChange) new AvroDeserializer().deserialize(record.topic(), record.value());
    }
}
