package com.cpsync.standin;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.cpsync.schemas.Topics;
import com.cpsync.schemas.avro.CenterpointEvent;
import com.cpsync.schemas.avro.CompaniesToQbo;
import com.cpsync.schemas.avro.CompanyCreated;
import com.cpsync.schemas.avro.SyncAction;
import com.cpsync.schemas.avro.SyncDirection;
import com.cpsync.schemas.avro.SyncEntityType;
import com.cpsync.schemas.avro.SyncOutcome;
import com.cpsync.schemas.avro.SyncResult;
import com.cpsync.schemas.avro.SyncSettings;
import com.cpsync.schemas.serde.AvroDeserializer;
import com.cpsync.schemas.serde.AvroSerializer;

import static com.cpsync.standin.StandInFixtures.NOW;
import static com.cpsync.standin.StandInFixtures.aCommand;
import static com.cpsync.standin.StandInFixtures.aCompanyCreatedJson;
import static com.cpsync.standin.StandInFixtures.aNewCompanyFromQbo;
import static com.cpsync.standin.StandInFixtures.aPayment;
import static com.cpsync.standin.StandInFixtures.aPaymentDeletion;
import static com.cpsync.standin.StandInFixtures.aProjectInvoice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The stand-in's HTTP API against a real (embedded) broker, with the project's own Avro serde. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        // nothing listens on port 1: the connection flow fails fast, after a short retry
        "app.sandbox-url=http://localhost:1", "app.mapping-url=http://localhost:1",
        "app.connect-retry.max-attempts=2", "app.connect-retry.first-backoff=10ms"})
@AutoConfigureWebTestClient
@EmbeddedKafka(partitions = 1, topics = {Topics.CENTERPOINT_EVENTS, Topics.CENTERPOINT_SYNC_SETTINGS,
        Topics.CENTERPOINT_COMMANDS, Topics.SYNC_OUTCOMES})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class CenterpointStandInIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Autowired
    private WebTestClient web;

    @Autowired
    private EmbeddedKafkaBroker broker;

    private Consumer<String, SpecificRecord> consumer;
    private Producer<String, SpecificRecord> producer;
    private final List<ConsumerRecord<String, SpecificRecord>> published = new CopyOnWriteArrayList<>();

    @BeforeAll
    void connectToTheBroker() {
        consumer = new KafkaConsumer<>(KafkaTestUtils.consumerProps(broker, "stand-in-it", false),
                new StringDeserializer(), new AvroDeserializer());
        broker.consumeFromEmbeddedTopics(consumer, Topics.CENTERPOINT_EVENTS, Topics.CENTERPOINT_SYNC_SETTINGS);
        producer = new KafkaProducer<>(KafkaTestUtils.producerProps(broker), new StringSerializer(), new AvroSerializer());
    }

    @AfterAll
    void disconnect() {
        consumer.close();
        producer.close();
    }

    @Test
    void shouldPublishSettingsWithDefaultsForOmittedFields() {
        web.put().uri("/tenants/t-settings/settings")
                .bodyValue(Map.of("companiesToQbo", "WHEN_CREATED", "nameConflictPolicy", "SUFFIX"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.companiesToQbo").isEqualTo("WHEN_CREATED")
                .jsonPath("$.projectsToQbo").isEqualTo("NO");

        ConsumerRecord<String, SpecificRecord> record = awaitPublished(Topics.CENTERPOINT_SYNC_SETTINGS, "t-settings");
        SyncSettings settings = (SyncSettings) record.value();
        assertThat(settings.getCompaniesToQbo()).isEqualTo(CompaniesToQbo.WHEN_CREATED);
        assertThat(settings.getNameConflictSuffix()).isEqualTo(" (customer)");
    }

    @Test
    void shouldPublishAnEventKeyedByTenantAndAnswerItsId() {
        String eventId = web.post().uri("/tenants/t-events/events")
                .bodyValue(aCompanyCreatedJson("c-1", "Acme Plumbing"))
                .exchange()
                .expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody().get("eventId").toString();

        ConsumerRecord<String, SpecificRecord> record = awaitPublished(Topics.CENTERPOINT_EVENTS, "t-events");
        CenterpointEvent event = (CenterpointEvent) record.value();
        assertThat(event.getEventId()).isEqualTo(eventId);
        assertThat(((CompanyCreated) event.getPayload()).getCompany().getName()).isEqualTo("Acme Plumbing");
        web.get().uri("/tenants/t-events/companies").exchange()
                .expectBody().jsonPath("$[0].id").isEqualTo("c-1").jsonPath("$[0].qboCustomerId").doesNotExist();
    }

    @Test
    void shouldAnswer400WithAMessageForBadEventsAndSettings() {
        web.post().uri("/tenants/t-bad/events")
                .bodyValue(Map.of("type", "CompanyCreated", "company", Map.of("id", "c-1")))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.BAD_REQUEST)
                .expectBody().jsonPath("$.message").isEqualTo("company.name is required");
        web.put().uri("/tenants/t-bad/settings")
                .bodyValue(Map.of("companiesToQbo", "SOMETIMES"))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.BAD_REQUEST)
                .expectBody().jsonPath("$.error").isEqualTo("invalid_request");
        web.put().uri("/tenants/t-bad/connection").bodyValue(Map.of())
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void shouldApplyReceivedCommandsAndEmitTheCausedCompanyEvent() {
        producer.send(new ProducerRecord<>(Topics.CENTERPOINT_COMMANDS, "t-cmd",
                aCommand("cmd-company", "t-cmd", aNewCompanyFromQbo("58", "Imported Ltd"))));
        producer.send(new ProducerRecord<>(Topics.CENTERPOINT_COMMANDS, "t-cmd",
                aCommand("cmd-invoice", "t-cmd", aProjectInvoice("p-1", "130", "250.00"))));
        producer.send(new ProducerRecord<>(Topics.CENTERPOINT_COMMANDS, "t-cmd",
                aCommand("cmd-payment", "t-cmd", aPayment("77", "130", "100.00"))));
        producer.send(new ProducerRecord<>(Topics.CENTERPOINT_COMMANDS, "t-cmd",
                aCommand("cmd-payment-2", "t-cmd", aPayment("78", "130", "20.00"))));
        producer.send(new ProducerRecord<>(Topics.CENTERPOINT_COMMANDS, "t-cmd",
                aCommand("cmd-payment-deleted", "t-cmd", aPaymentDeletion("78"))));

        await().atMost(TIMEOUT).untilAsserted(() -> web.get().uri("/tenants/t-cmd/commands").exchange()
                .expectBody().jsonPath("$.length()").isEqualTo(5)
                .jsonPath("$[0].type").isEqualTo("UpsertCompany")
                .jsonPath("$[0].commandId").isEqualTo("cmd-company"));
        web.get().uri("/tenants/t-cmd/companies").exchange()
                .expectBody().jsonPath("$[0].name").isEqualTo("Imported Ltd").jsonPath("$[0].qboCustomerId").isEqualTo("58");
        web.get().uri("/tenants/t-cmd/projects/p-1/invoices").exchange()
                .expectBody().jsonPath("$[0].qboInvoiceId").isEqualTo("130").jsonPath("$[0].total").isEqualTo("250.00");
        web.get().uri("/tenants/t-cmd/payments").exchange()
                .expectBody().jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].qboPaymentId").isEqualTo("77");
        CenterpointEvent echo = (CenterpointEvent) awaitPublished(Topics.CENTERPOINT_EVENTS, "t-cmd").value();
        assertThat(echo.getCausationId()).isEqualTo("cmd-company");
        assertThat(((CompanyCreated) echo.getPayload()).getCompany().getName()).isEqualTo("Imported Ltd");
    }

    @Test
    void shouldStartTheEventsTraceAtTheRequestThatMadeIt() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

        web.post().uri("/tenants/t-traced/events")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .bodyValue(aCompanyCreatedJson("c-t", "Traced Plumbing"))
                .exchange()
                .expectStatus().isAccepted();
        web.post().uri("/tenants/t-untraced/events")
                .bodyValue(aCompanyCreatedJson("c-u", "Untraced Plumbing"))
                .exchange()
                .expectStatus().isAccepted();

        assertThat(traceparentOf(awaitPublished(Topics.CENTERPOINT_EVENTS, "t-traced")))
                .matches("00-" + traceId + "-[0-9a-f]{16}-01");
        assertThat(traceparentOf(awaitPublished(Topics.CENTERPOINT_EVENTS, "t-untraced")))
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01").doesNotContain(traceId);
    }

    private static String traceparentOf(ConsumerRecord<String, SpecificRecord> record) {
        Header header = record.headers().lastHeader("traceparent");
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void shouldListTheTenantsSyncOutcomes() {
        producer.send(new ProducerRecord<>(Topics.SYNC_OUTCOMES, "t-out", SyncOutcome.newBuilder()
                .setOutcomeId("o-1").setTenantId("t-out").setRealmId("r-1").setOccurredAt(NOW).setCausationId("evt-1")
                .setDirection(SyncDirection.TO_QBO).setEntityType(SyncEntityType.COMPANY).setCenterpointId("c-1")
                .setQboId("58").setAction(SyncAction.CREATE).setResult(SyncResult.SYNCED).build()));

        await().atMost(TIMEOUT).untilAsserted(() -> web.get().uri("/tenants/t-out/outcomes").exchange()
                .expectBody().jsonPath("$[0].result").isEqualTo("SYNCED").jsonPath("$[0].qboId").isEqualTo("58"));
        web.get().uri("/tenants/t-other/outcomes").exchange().expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void shouldServeItsHealthForTheLauncherAndOperators() {
        web.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }

    @Test
    void shouldAnswer502NamingTheHopAndLogItsCauseWhenTheConnectionFlowFails(CapturedOutput output) {
        web.put().uri("/tenants/t-down/connection").bodyValue(Map.of("realmId", "4620"))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.BAD_GATEWAY)
                .expectBody().jsonPath("$.error").isEqualTo("connection_failed")
                .jsonPath("$.message").isEqualTo("create sandbox realm failed: connection refused (gave up after 2 attempts)");

        assertThat(output.getOut()).contains("Connecting tenant t-down to realm 4620: create sandbox realm failed: "
                + "connection refused; trying again (attempt 2 of 2)")
                .contains("502 for PUT /tenants/t-down/connection: create sandbox realm failed: connection refused "
                        + "(gave up after 2 attempts)")
                .contains("java.net.ConnectException");
    }

    private ConsumerRecord<String, SpecificRecord> awaitPublished(String topic, String key) {
        return await().atMost(TIMEOUT).until(() -> {
            KafkaTestUtils.getRecords(consumer, Duration.ofMillis(200)).forEach(published::add);
            return published.stream().filter(r -> r.topic().equals(topic) && key.equals(r.key())).findFirst().orElse(null);
        }, record -> record != null);
    }
}
