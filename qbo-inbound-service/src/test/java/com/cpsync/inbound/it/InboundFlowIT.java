package com.cpsync.inbound.it;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.cpsync.inbound.QboInboundServiceApplication;
import com.cpsync.inbound.adapter.in.CdcPollScheduler;
import com.cpsync.inbound.adapter.out.kafka.ChangeAvroMapper;
import com.cpsync.inbound.application.Connection;
import com.cpsync.inbound.application.PollCdc;
import com.cpsync.inbound.domain.change.ChangeOperation;
import com.cpsync.inbound.domain.change.ChangeSource;
import com.cpsync.inbound.domain.change.EntityChange;
import com.cpsync.inbound.domain.change.QboEntity;
import com.cpsync.inbound.domain.webhook.WebhookSignature;
import com.cpsync.schemas.Topics;
import com.cpsync.schemas.avro.CenterpointCommand;
import com.cpsync.schemas.avro.DeleteInvoicePayment;
import com.cpsync.schemas.avro.DeleteProjectInvoice;
import com.cpsync.schemas.avro.PaymentApplication;
import com.cpsync.schemas.avro.QboEntityChange;
import com.cpsync.schemas.avro.SyncAction;
import com.cpsync.schemas.avro.SyncEntityType;
import com.cpsync.schemas.avro.SyncOutcome;
import com.cpsync.schemas.avro.SyncResult;
import com.cpsync.schemas.avro.SyncSettings;
import com.cpsync.schemas.avro.UpsertCompany;
import com.cpsync.schemas.avro.UpsertInvoicePayment;
import com.cpsync.schemas.avro.UpsertProjectInvoice;
import com.cpsync.schemas.serde.AvroSerializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole inbound path through a real broker, the real sandbox (its own signed webhooks and CDC)
 * and the real mapping-service with PostgreSQL. Each test uses its own tenant and realm.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "app.webhook.verifier-token=" + InboundFlowIT.TOKEN,
        "app.cdc.interval=" + InboundFlowIT.CDC_INTERVAL_SECONDS + "s",
        "app.cdc.first-look-back=10m",
        // test-scale isolation of a failing realm: short parking, short retry-topic back-off
        "app.inbound.retry.park-initial=500ms", "app.inbound.retry.park-max=2s",
        "app.inbound.retry.back-off-initial=500ms", "app.inbound.retry.back-off-max=2s",
        "app.inbound.retry.back-off-max-elapsed=60s",
        "spring.autoconfigure.exclude=" + InboundFlowIT.NO_DATASOURCE})
@AutoConfigureWebTestClient
// close this app and its broker with the class, not in a JVM shutdown hook that races Kafka's own temp-dir cleanup
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers", topics = {
        Topics.QBO_CHANGES, "qbo.changes.v1.DLT", Topics.CENTERPOINT_COMMANDS, Topics.SYNC_OUTCOMES,
        Topics.CENTERPOINT_SYNC_SETTINGS})
class InboundFlowIT {

    static final String TOKEN = "b5771f19b12ddb4bcdb9f08bdc50bc63878a";
    static final String CDC_INTERVAL_SECONDS = "3";
    static final String NO_DATASOURCE = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
            + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration";
    /** One CDC interval, plus the poll itself and processing on a busy machine. */
    private static final Duration ONE_CDC_POLL = Duration.ofSeconds(Long.parseLong(CDC_INTERVAL_SECONDS) + 5);
    private static final Logger log = LoggerFactory.getLogger(InboundFlowIT.class);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static SandboxAndMapping stack;
    private static TopicRecorder topics;
    private static KafkaProducer<String, SpecificRecord> producer;

    @DynamicPropertySource
    static void peers(DynamicPropertyRegistry registry) {
        stack = SandboxAndMapping.start();
        registry.add("app.inbound.mapping-url", () -> stack.mappingUrl);
        registry.add("app.inbound.qbo-url", () -> stack.sandboxUrl);
    }

    @Autowired
    WebTestClient http;

    @Autowired
    PollCdc pollCdc;

    @Autowired
    CdcPollScheduler scheduler;

    @Autowired
    MeterRegistry meters;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @LocalServerPort
    int port;

    @BeforeEach
    void wire() {
        String brokers = System.getProperty("spring.kafka.bootstrap-servers");
        if (topics == null) {
            topics = new TopicRecorder(brokers, List.of(Topics.QBO_CHANGES, "qbo.changes.v1.DLT",
                    Topics.CENTERPOINT_COMMANDS, Topics.SYNC_OUTCOMES));
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                    new StringSerializer(), new AvroSerializer());
        }
        stack.webhooks(webhookUrl(), TOKEN, true);
    }

    @AfterAll
    static void close() throws InterruptedException {
        if (topics != null) {
            topics.close();
            producer.close();
            topics = null;
        }
        SandboxAndMapping.stop();
    }

    @Test
    void shouldAcceptOnlyCorrectlySignedWebhooksAndPublishOneRecordPerEntity() {
        String vector = "{\"eventNotifications\":[{\"realmId\":\"1185883450\",\"dataChangeEvent\":{\"entities\":"
                + "[{\"name\":\"Customer\",\"id\":\"1\",\"operation\":\"Create\",\"lastUpdated\":\"2015-10-05T14:42:19-0700\"}]}}]}";
        String forged = vector.replace("1185883450", "realm-forged");

        post(forged, "JC2GUwciPmRBwEO7WvrRmKqu9tGOKL8FFallocTFi8Q=").expectStatus().isUnauthorized();
        post(forged, null).expectStatus().isUnauthorized();
        post(vector, "JC2GUwciPmRBwEO7WvrRmKqu9tGOKL8FFallocTFi8Q=").expectStatus().isOk()
                .expectBody().jsonPath("$.accepted").isEqualTo(1);
        String two = "[" + cloudEvent("ce-1", "realm-ce", "customer", "created", "7") + ","
                + cloudEvent("ce-2", "realm-ce", "invoice", "voided", "8") + "]";
        http.post().uri("/webhooks/quickbooks").contentType(MediaType.parseMediaType("application/cloudevents+json"))
                .header("intuit-signature", new WebhookSignature(TOKEN).signatureOf(bytes(two)))
                .bodyValue(bytes(two)).exchange().expectStatus().isOk();
        post("{\"nope\":true}", new WebhookSignature(TOKEN).signatureOf(bytes("{\"nope\":true}")))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.message").isNotEmpty();

        await().atMost(WAIT).untilAsserted(() -> assertThat(changes(c -> c.getRealmId().equals("realm-ce"))).hasSize(2));
        assertThat(changes(c -> c.getRealmId().equals("1185883450"))).singleElement()
                .satisfies(c -> assertThat(c.getEntityName()).isEqualTo("Customer"));
        assertThat(changes(c -> c.getRealmId().equals("realm-forged"))).isEmpty();
        byte[] huge = new byte[1024 * 1024 + 1];
        http.post().uri("/webhooks/quickbooks").contentType(MediaType.APPLICATION_JSON)
                .header("intuit-signature", new WebhookSignature(TOKEN).signatureOf(huge)).bodyValue(huge)
                .exchange().expectStatus().isEqualTo(413);
        // a realm no tenant connected is dead-lettered with the reason, never silently dropped
        await().atMost(WAIT).untilAsserted(() -> assertThat(topics.records("qbo.changes.v1.DLT"))
                .anySatisfy(r -> assertThat(((QboEntityChange) r.value()).getRealmId()).isEqualTo("realm-ce")));
    }

    @Test
    void shouldTurnOneNewCustomerDeliveredByTwoWebhooksAndCdcIntoOneCommand() {
        Connection realm = connect("t-dup", "r-dup", settings("t-dup").setGetNewCompaniesFromQbo(true));
        JsonNode customer = stack.create("r-dup", "Customer", "{\"DisplayName\":\"Dup Builders\"}");
        String id = customer.path("Id").asString();

        await().atMost(WAIT).untilAsserted(() -> assertThat(commandsFor("t-dup", "Customer", id)).hasSize(1));
        String lastUpdated = customer.path("MetaData").path("LastUpdatedTime").asString();
        String again = "{\"eventNotifications\":[{\"realmId\":\"r-dup\",\"dataChangeEvent\":{\"entities\":[{\"name\":"
                + "\"Customer\",\"id\":\"" + id + "\",\"operation\":\"Create\",\"lastUpdated\":\"" + lastUpdated + "\"}]}}]}";
        post(again, new WebhookSignature(TOKEN).signatureOf(bytes(again))).expectStatus().isOk();
        pollCdc.poll(realm);
        await().atMost(WAIT).untilAsserted(() -> assertThat(changes(c -> c.getRealmId().equals("r-dup")
                && c.getEntityId().equals(id))).extracting(c -> c.getSource().name()).contains("WEBHOOK", "CDC")
                .hasSizeGreaterThanOrEqualTo(3));
        // a later change of the same realm proves the earlier deliveries were processed
        JsonNode marker = stack.create("r-dup", "Customer", "{\"DisplayName\":\"Dup Marker\"}");
        await().atMost(WAIT).untilAsserted(() -> assertThat(commandsFor("t-dup", "Customer", marker.path("Id").asString())).hasSize(1));

        assertThat(commandsFor("t-dup", "Customer", id)).hasSize(1);
        assertThat(outcomes("t-dup", id)).extracting(SyncOutcome::getResult).containsExactly(SyncResult.SYNCED);
    }

    @Test
    void shouldNotReimportOurOwnCustomerButBringBackALaterUserEdit() {
        Connection realm = connect("t-echo", "r-echo", settings("t-echo").setGetNewCompaniesFromQbo(true)
                .setGetCompanyChangesFromQbo(true));
        stack.webhooks(webhookUrl(), TOKEN, false);
        // what cp-outbound-service does: create, link, record the write
        JsonNode ours = stack.create("r-echo", "Customer", "{\"DisplayName\":\"Echo Roofing\"}");
        String id = ours.path("Id").asString();
        stack.link("t-echo", "COMPANY", "c-echo", id);
        stack.recordWrite("t-echo", "r-echo", "Customer", id, ours.path("SyncToken").asString());
        stack.webhooks(webhookUrl(), TOKEN, true);
        pollCdc.poll(realm);

        await().atMost(WAIT).untilAsserted(() -> assertThat(outcomes("t-echo", id))
                .extracting(SyncOutcome::getResult).contains(SyncResult.ECHO_SUPPRESSED));
        assertThat(commandsFor("t-echo", "Customer", id)).isEmpty();

        stack.update("r-echo", "Customer", "{\"Id\":\"" + id + "\",\"SyncToken\":\"" + ours.path("SyncToken").asString()
                + "\",\"PrimaryEmailAddr\":{\"Address\":\"office@echo.example\"}}");

        await().atMost(WAIT).untilAsserted(() -> assertThat(commandsFor("t-echo", "Customer", id)).singleElement()
                .satisfies(command -> {
                    UpsertCompany upsert = (UpsertCompany) command.getPayload();
                    assertThat(upsert.getCompanyId()).isEqualTo("c-echo");
                    assertThat(upsert.getEmail()).isEqualTo("office@echo.example");
                }));
    }

    @Test
    void shouldKeepARealmInStepByCdcAloneAcrossAServiceRestart() {
        connect("t-cdc", "r-cdc", settings("t-cdc").setGetNewCompaniesFromQbo(true));
        stack.webhooks(webhookUrl(), TOKEN, false);
        try {
            String first = stack.create("r-cdc", "Customer", "{\"DisplayName\":\"Quiet Plumbing\"}").path("Id").asString();
            await().atMost(ONE_CDC_POLL).untilAsserted(() -> assertThat(commandsFor("t-cdc", "Customer", first)).hasSize(1));

            // stop this instance (poller and consumer): what the next one knows is only what mapping-service
            // (cursor, applied versions) and Kafka (offsets) kept
            scheduler.stop();
            listeners.stop();
            String second = stack.create("r-cdc", "Customer", "{\"DisplayName\":\"Quiet Electric\"}").path("Id").asString();
            Predicate<QboEntityChange> firstCustomer = c -> c.getRealmId().equals("r-cdc") && c.getEntityId().equals(first);
            int firstDeliveriesBefore = changes(firstCustomer).size();
            try (ConfigurableApplicationContext restarted = startAnotherInstance()) {
                // not missed: created while no instance ran, found from the persisted cursor
                await().atMost(WAIT).untilAsserted(() -> assertThat(commandsFor("t-cdc", "Customer", second)).hasSize(1));
                // not repeated: the cursor's overlap made the new instance re-read the first customer in the same
                // CDC answer, ahead of the second on the realm's partition, and it emitted nothing for it
                assertThat(changes(firstCustomer)).hasSizeGreaterThan(firstDeliveriesBefore);
                assertThat(commandsFor("t-cdc", "Customer", first)).hasSize(1);
            }
            finally {
                listeners.start();
                scheduler.start();
            }
            assertThat(changes(c -> c.getRealmId().equals("r-cdc"))).allMatch(c -> c.getSource().name().equals("CDC"));
        }
        finally {
            stack.webhooks(webhookUrl(), TOKEN, true);
        }
    }

    @Test
    void shouldKeepAnotherRealmFlowingWhileOneRealmsQboIsDownAndCatchUpOnceItIsBack() throws Exception {
        int outageSeconds = 12;
        connect("t-out-a", "r-out-a", settings("t-out-a").setGetNewCompaniesFromQbo(true));
        connect("t-out-b", "r-out-b", settings("t-out-b").setGetNewCompaniesFromQbo(true));
        // realm A's customer reaches this service only through the record published below: no webhook, no poll
        scheduler.stop();
        stack.webhooks(webhookUrl(), TOKEN, false);
        try {
            JsonNode created = stack.create("r-out-a", "Customer", "{\"DisplayName\":\"Down Roofing\"}");
            String aId = created.path("Id").asString();
            Instant outageEnds = Instant.now().plusSeconds(outageSeconds);
            stack.outage("r-out-a", outageSeconds);
            stack.webhooks(webhookUrl(), TOKEN, true);
            Instant now = Instant.now();
            // without entityJson, as a webhook: processing has to read QBO, which is down for realm A
            producer.send(new ProducerRecord<>(Topics.QBO_CHANGES, "r-out-a", ChangeAvroMapper.toAvro(new EntityChange(
                    UUID.randomUUID().toString(), "r-out-a", QboEntity.CUSTOMER, aId, ChangeOperation.CREATE, now, null,
                    ChangeSource.WEBHOOK, now, null)))).get();
            String bId = stack.create("r-out-b", "Customer", "{\"DisplayName\":\"Up Plumbing\"}").path("Id").asString();

            await().atMost(Duration.ofSeconds(outageSeconds)).untilAsserted(() -> {
                assertThat(commandsFor("t-out-b", "Customer", bId)).hasSize(1);
                assertThat(outcomes("t-out-b", bId)).hasSize(1);
            });
            assertThat(Instant.now()).isBefore(outageEnds);
            assertThat(commandsFor("t-out-a", "Customer", aId)).isEmpty();

            await().atMost(WAIT.plusSeconds(outageSeconds)).untilAsserted(
                    () -> assertThat(commandsFor("t-out-a", "Customer", aId)).hasSize(1));
            assertThat(Instant.now()).isAfter(outageEnds);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(commandsFor("t-out-a", "Customer", aId)).hasSize(1);
                assertThat(outcomes("t-out-a", aId)).singleElement()
                        .satisfies(o -> assertThat(o.getResult()).isEqualTo(SyncResult.SYNCED));
            });
            assertThat(topics.values("qbo.changes.v1.DLT", QboEntityChange.class))
                    .noneMatch(c -> c.getRealmId().startsWith("r-out-"));
        }
        finally {
            stack.webhooks(webhookUrl(), TOKEN, true);
            scheduler.start();
        }
    }

    /** A second instance of this service in the same JVM, as a restarted pod would be: same broker and peers. */
    private static ConfigurableApplicationContext startAnotherInstance() {
        // its own Netty resources: closing it must not dispose the global ones the other in-process apps use
        return new SpringApplicationBuilder(QboInboundServiceApplication.class)
                .initializers(context -> ((GenericApplicationContext) context).registerBean(ReactorResourceFactory.class,
                        () -> {
                            ReactorResourceFactory own = new ReactorResourceFactory();
                            own.setUseGlobalResources(false);
                            return own;
                        }))
                .run("--server.port=0",
                "--spring.kafka.bootstrap-servers=" + System.getProperty("spring.kafka.bootstrap-servers"),
                "--app.inbound.mapping-url=" + stack.mappingUrl, "--app.inbound.qbo-url=" + stack.sandboxUrl,
                "--app.webhook.verifier-token=" + TOKEN, "--app.cdc.interval=" + CDC_INTERVAL_SECONDS + "s",
                "--app.cdc.first-look-back=10m", "--spring.autoconfigure.exclude=" + NO_DATASOURCE);
    }

    @Test
    void shouldApplyAPaymentToTwoInvoicesAndDeleteItOnlyWhenTheSettingIsOn() {
        connect("t-pay", "r-pay", settings("t-pay").setGetNewProjectInvoices(true).setGetNewPayments(true)
                .setGetPaymentChanges(true));
        String parent = stack.create("r-pay", "Customer", "{\"DisplayName\":\"Pay Homes\"}").path("Id").asString();
        String job = stack.create("r-pay", "Customer", "{\"DisplayName\":\"Pay Homes Kitchen\",\"Job\":true,"
                + "\"BillWithParent\":true,\"ParentRef\":{\"value\":\"" + parent + "\"}}").path("Id").asString();
        stack.link("t-pay", "PROJECT", "p-kitchen", job);
        JsonNode serviceInvoice = stack.create("r-pay", "Invoice", invoice(parent, "100.00"));
        stack.link("t-pay", "SERVICE_INVOICE", "si-1", serviceInvoice.path("Id").asString());
        String projectInvoice = stack.create("r-pay", "Invoice", invoice(job, "280.00")).path("Id").asString();
        await().atMost(WAIT).untilAsserted(() -> assertThat(commands("t-pay"))
                .anySatisfy(c -> assertThat(c.getPayload()).isInstanceOf(UpsertProjectInvoice.class)));

        JsonNode payment = stack.create("r-pay", "Payment", payment(parent, serviceInvoice.path("Id").asString(),
                projectInvoice));
        String paymentId = payment.path("Id").asString();

        await().atMost(WAIT).untilAsserted(() -> assertThat(commandsFor("t-pay", "Payment", paymentId)).singleElement()
                .satisfies(command -> {
                    UpsertInvoicePayment upsert = (UpsertInvoicePayment) command.getPayload();
                    assertThat(upsert.getTotalAmount()).isEqualTo("380.00");
                    assertThat(upsert.getApplications()).extracting(PaymentApplication::getQboInvoiceId,
                            a -> a.getInvoiceKind().name(), PaymentApplication::getCenterpointInvoiceId,
                            PaymentApplication::getProjectId, PaymentApplication::getAmount)
                            .containsExactlyInAnyOrder(
                                    org.assertj.core.groups.Tuple.tuple(serviceInvoice.path("Id").asString(),
                                            "SERVICE_INVOICE", "si-1", null, "100.00"),
                                    org.assertj.core.groups.Tuple.tuple(projectInvoice, "PROJECT_INVOICE", null,
                                            "p-kitchen", "280.00"));
                }));

        stack.delete("r-pay", "Payment", paymentId, payment.path("SyncToken").asString());
        await().atMost(WAIT).untilAsserted(() -> assertThat(outcomes("t-pay", paymentId))
                .anySatisfy(o -> {
                    assertThat(o.getAction()).isEqualTo(SyncAction.DELETE);
                    assertThat(o.getResult()).isEqualTo(SyncResult.SKIPPED_BY_SETTINGS);
                }));
        assertThat(commandsFor("t-pay", "Payment", paymentId)).noneMatch(c -> c.getPayload() instanceof DeleteInvoicePayment);

        publish(settings("t-pay").setGetNewProjectInvoices(true).setGetNewPayments(true).setGetPaymentChanges(true)
                .setDeletePaymentsDeletedInQbo(true));
        JsonNode second = stack.create("r-pay", "Payment", payment(parent, serviceInvoice.path("Id").asString(),
                projectInvoice));
        String secondId = second.path("Id").asString();
        await().atMost(WAIT).untilAsserted(() -> assertThat(commandsFor("t-pay", "Payment", secondId)).hasSize(1));
        stack.delete("r-pay", "Payment", secondId, second.path("SyncToken").asString());
        await().atMost(WAIT).untilAsserted(() -> assertThat(commandsFor("t-pay", "Payment", secondId))
                .anySatisfy(c -> assertThat(c.getPayload()).isEqualTo(new DeleteInvoicePayment(secondId))));
    }

    @Test
    void shouldDeadLetterAnUnreadableChangeAndKeepTheRealmFlowing() throws Exception {
        connect("t-dlt", "r-dlt", settings("t-dlt").setGetNewCompaniesFromQbo(true));
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getProperty("spring.kafka.bootstrap-servers")), new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(Topics.QBO_CHANGES, "r-dlt", bytes("not avro at all"))).get();
        }
        String id = stack.create("r-dlt", "Customer", "{\"DisplayName\":\"After Poison\"}").path("Id").asString();

        await().atMost(WAIT).untilAsserted(() -> assertThat(commandsFor("t-dlt", "Customer", id)).hasSize(1));
        await().atMost(WAIT).untilAsserted(() -> assertThat(topics.records("qbo.changes.v1.DLT"))
                .anySatisfy(r -> {
                    assertThat(r.key()).isEqualTo("r-dlt");
                    assertThat(r.headers().lastHeader("kafka_dlt-exception-message")).isNotNull();
                }));
    }

    @Test
    void shouldRepointTheCompanyLinkWhenQboMergesTwoCustomers() {
        connect("t-merge", "r-merge", settings("t-merge").setGetCompanyChangesFromQbo(true));
        String loser = stack.create("r-merge", "Customer", "{\"DisplayName\":\"Merge Old\"}").path("Id").asString();
        String survivor = stack.create("r-merge", "Customer", "{\"DisplayName\":\"Merge New\"}").path("Id").asString();
        stack.link("t-merge", "COMPANY", "c-merged", loser);

        stack.mergeCustomers("r-merge", loser, survivor);

        await().atMost(WAIT).untilAsserted(() -> assertThat(outcomes("t-merge", survivor)).anySatisfy(o -> {
            assertThat(o.getAction()).isEqualTo(SyncAction.UPDATE);
            assertThat(o.getResult()).isEqualTo(SyncResult.SYNCED);
        }));
        assertThat(stack.linkedCenterpointId("t-merge", "COMPANY", survivor)).isEqualTo("c-merged");
    }

    @Test
    void shouldMeasureQboReadCallsPerInboundChange() {
        connect("t-meter", "r-meter", settings("t-meter").setGetNewCompaniesFromQbo(true)
                .setGetCompanyChangesFromQbo(true));
        scheduler.stop();
        try {
            double reads = count("qbo_inbound_reads_total", "call", "read");
            double cdcCalls = count("qbo_inbound_reads_total", "call", "cdc");
            double consumed = count("qbo_changes_consumed_total", "entity", "Customer");
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                ids.add(stack.create("r-meter", "Customer", "{\"DisplayName\":\"Meter " + i + "\"}").path("Id").asString());
            }
            await().atMost(WAIT).untilAsserted(() -> assertThat(ids)
                    .allSatisfy(id -> assertThat(commandsFor("t-meter", "Customer", id)).hasSize(1)));
            JsonNode first = stack.update("r-meter", "Customer", "{\"Id\":\"" + ids.get(0)
                    + "\",\"SyncToken\":\"0\",\"DisplayName\":\"Meter zero\"}");
            await().atMost(WAIT).untilAsserted(() -> assertThat(commandsFor("t-meter", "Customer", ids.get(0))).hasSize(2));

            double readCalls = count("qbo_inbound_reads_total", "call", "read") - reads;
            double cdc = count("qbo_inbound_reads_total", "call", "cdc") - cdcCalls;
            double changes = count("qbo_changes_consumed_total", "entity", "Customer") - consumed;
            log.info("MEASURED: {} webhook changes (10 creates in one burst, 1 edit) cost {} reads + {} CDC calls = {} "
                    + "metered calls per change; edit SyncToken {}", changes, readCalls, cdc,
                    (readCalls + cdc) / changes, first.path("SyncToken").asString());
            assertThat(readCalls + cdc).as("metered QBO calls").isLessThanOrEqualTo(changes).isGreaterThan(0);
        }
        finally {
            scheduler.start();
        }
    }

    @Test
    void shouldExposeOutcomesReadsAndConsumerLagToPrometheus() {
        await().atMost(WAIT).untilAsserted(() -> http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk().expectBody(String.class).value(body -> assertThat(body)
                        .contains("sync_outcomes_total{", "direction=\"FROM_QBO\"", "qbo_changes_consumed_total",
                                "kafka_consumer_fetch_manager_records_lag")));
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.components.syncSettings.status").isEqualTo("UP");
    }


    /**
     * Every value of every inbound setting, each row through the sandbox's real API and signed webhooks.
     * A row turns on every switch of its entity (so earlier steps can import what a change or delete
     * needs) and sets the switch under test to the row's value. The rows use their own tenant and realm
     * and run at the same time, so the table costs about as much as its slowest row.
     */
    @Test
    void shouldFollowEveryValueOfEveryInboundSettingForRealSandboxChanges() throws Exception {
        Map<String, SettingScenario> scenarios = new LinkedHashMap<>();
        scenarios.put("getNewCompaniesFromQbo", this::newCustomer);
        scenarios.put("getCompanyChangesFromQbo", this::userEditOfOurCustomer);
        scenarios.put("getNewProjectInvoices", this::newProjectInvoice);
        scenarios.put("getProjectInvoiceChanges", this::changedAndVoidedProjectInvoice);
        scenarios.put("deleteProjectInvoicesDeletedInQbo", this::deletedProjectInvoice);
        scenarios.put("getNewPayments", this::newPayment);
        scenarios.put("getPaymentChanges", this::changedPayment);
        scenarios.put("deletePaymentsDeletedInQbo", this::deletedPayment);
        assertThat(scenarios.keySet()).as("every inbound setting of SyncSettings").containsExactlyInAnyOrderElementsOf(
                // the inbound switches are the boolean ones; the outbound ones start with "send"
                SyncSettings.getClassSchema().getFields().stream()
                        .filter(field -> field.schema().getType() == org.apache.avro.Schema.Type.BOOLEAN)
                        .map(org.apache.avro.Schema.Field::name).filter(name -> !name.startsWith("send")).toList());

        ExecutorService rows = Executors.newFixedThreadPool(scenarios.size() * 2);
        try {
            Map<String, Future<?>> running = new LinkedHashMap<>();
            scenarios.forEach((setting, scenario) -> {
                for (boolean on : List.of(true, false)) {
                    String row = setting + "=" + on;
                    String suffix = Integer.toHexString(setting.hashCode()) + (on ? "-on" : "-off");
                    running.put(row, rows.submit(() -> {
                        scenario.run(new SettingRow(setting, on, "t-set-" + suffix, "r-set-" + suffix));
                        return null;
                    }));
                }
            });
            Map<String, String> failures = new LinkedHashMap<>();
            for (Map.Entry<String, Future<?>> row : running.entrySet()) {
                try {
                    row.getValue().get(90, TimeUnit.SECONDS);
                }
                catch (ExecutionException failed) {
                    failures.put(row.getKey(), failed.getCause().toString());
                }
            }
            assertThat(failures).as("rows that failed").isEmpty();
            assertThat(running).hasSize(16);
        }
        finally {
            rows.shutdownNow();
        }
    }

    private void newCustomer(SettingRow row) {
        connectWithoutSettings(row);
        publish(row.settings());
        String id = stack.create(row.realm(), "Customer", "{\"DisplayName\":\"New Co " + row.realm() + "\"}")
                .path("Id").asString();

        row.expectOutcome(id, SyncEntityType.COMPANY, SyncAction.CREATE);
        if (row.on()) {
            assertThat(commandsFor(row.tenant(), "Customer", id)).singleElement()
                    .satisfies(c -> assertThat(((UpsertCompany) c.getPayload()).getCompanyId()).isNull());
        }
        else {
            assertThat(commandsFor(row.tenant(), "Customer", id)).isEmpty();
        }
    }

    private void userEditOfOurCustomer(SettingRow row) {
        // as cp-outbound-service would: create, record the write, link; settings come after, so the
        // create's own webhook is skipped (no settings yet) or an echo, never a new company
        connectWithoutSettings(row);
        JsonNode ours = stack.create(row.realm(), "Customer", "{\"DisplayName\":\"Ours " + row.realm() + "\"}");
        String id = ours.path("Id").asString();
        stack.recordWrite(row.tenant(), row.realm(), "Customer", id, ours.path("SyncToken").asString());
        stack.link(row.tenant(), "COMPANY", "c-" + row.realm(), id);
        publish(row.settings());

        stack.update(row.realm(), "Customer", "{\"Id\":\"" + id + "\",\"SyncToken\":\"" + ours.path("SyncToken").asString()
                + "\",\"sparse\":true,\"PrimaryEmailAddr\":{\"Address\":\"edit@" + row.realm() + ".example\"}}");

        row.expectOutcome(id, SyncEntityType.COMPANY, SyncAction.UPDATE);
        if (row.on()) {
            assertThat(commandsFor(row.tenant(), "Customer", id)).singleElement().satisfies(c -> {
                UpsertCompany upsert = (UpsertCompany) c.getPayload();
                assertThat(upsert.getCompanyId()).isEqualTo("c-" + row.realm());
                assertThat(upsert.getEmail()).isEqualTo("edit@" + row.realm() + ".example");
            });
        }
        else {
            assertThat(commandsFor(row.tenant(), "Customer", id)).isEmpty();
        }
    }

    private void newProjectInvoice(SettingRow row) {
        String job = syncedProject(row);
        publish(row.settings());
        String id = stack.create(row.realm(), "Invoice", invoice(job, "280.00")).path("Id").asString();

        row.expectOutcome(id, SyncEntityType.PROJECT_INVOICE, SyncAction.CREATE);
        if (row.on()) {
            assertThat(commandsFor(row.tenant(), "Invoice", id)).singleElement().satisfies(c -> {
                UpsertProjectInvoice upsert = (UpsertProjectInvoice) c.getPayload();
                assertThat(upsert.getProjectId()).isEqualTo("p-" + row.realm());
                assertThat(upsert.getTotal()).isEqualTo("280.00");
                assertThat(upsert.getVoided()).isFalse();
            });
        }
        else {
            assertThat(commandsFor(row.tenant(), "Invoice", id)).isEmpty();
        }
    }

    private void changedAndVoidedProjectInvoice(SettingRow row) {
        String id = importedProjectInvoice(row);
        JsonNode changed = stack.update(row.realm(), "Invoice", "{\"Id\":\"" + id
                + "\",\"SyncToken\":\"0\",\"sparse\":true,\"DueDate\":\"2026-12-31\"}");

        row.expectOutcome(id, SyncEntityType.PROJECT_INVOICE, SyncAction.UPDATE);
        // a void keeps the invoice in Centerpoint, marked voided, under the same setting
        stack.voidInvoice(row.realm(), id, changed.path("SyncToken").asString());
        row.expectOutcome(id, SyncEntityType.PROJECT_INVOICE, SyncAction.VOID);
        List<UpsertProjectInvoice> upserts = commandsFor(row.tenant(), "Invoice", id).stream()
                .map(c -> (UpsertProjectInvoice) c.getPayload()).toList();
        if (row.on()) {
            assertThat(upserts).hasSize(3);
            assertThat(upserts.get(1).getDueDate()).hasToString("2026-12-31");
            assertThat(upserts.get(1).getVoided()).isFalse();
            assertThat(upserts.get(2).getVoided()).isTrue();
            assertThat(upserts.get(2).getProjectId()).isEqualTo("p-" + row.realm());
        }
        else {
            assertThat(upserts).as("only the import").hasSize(1);
        }
    }

    private void deletedProjectInvoice(SettingRow row) {
        String id = importedProjectInvoice(row);
        expectDeleteOnlyWhenOn(row, "Invoice", id, SyncEntityType.PROJECT_INVOICE,
                new DeleteProjectInvoice("p-" + row.realm(), id));
    }

    private void newPayment(SettingRow row) {
        String serviceInvoice = syncedServiceInvoice(row);
        publish(row.settings());
        String id = stack.create(row.realm(), "Payment", payment(row.realm(), serviceInvoice)).path("Id").asString();

        row.expectOutcome(id, SyncEntityType.PAYMENT, SyncAction.CREATE);
        if (row.on()) {
            assertThat(commandsFor(row.tenant(), "Payment", id)).singleElement().satisfies(c -> assertThat(
                    ((UpsertInvoicePayment) c.getPayload()).getApplications()).singleElement().satisfies(a -> {
                        assertThat(a.getCenterpointInvoiceId()).isEqualTo("si-" + row.realm());
                        assertThat(a.getAmount()).isEqualTo("100.00");
                    }));
        }
        else {
            assertThat(commandsFor(row.tenant(), "Payment", id)).isEmpty();
        }
    }

    private void changedPayment(SettingRow row) {
        String id = importedPayment(row);
        stack.update(row.realm(), "Payment", "{\"Id\":\"" + id + "\",\"SyncToken\":\"0\",\"sparse\":true,"
                + "\"PaymentRefNum\":\"CHK-2\"}");

        row.expectOutcome(id, SyncEntityType.PAYMENT, SyncAction.UPDATE);
        List<UpsertInvoicePayment> upserts = commandsFor(row.tenant(), "Payment", id).stream()
                .map(c -> (UpsertInvoicePayment) c.getPayload()).toList();
        if (row.on()) {
            assertThat(upserts).extracting(UpsertInvoicePayment::getPaymentRefNum).containsExactly("CHK-1", "CHK-2");
        }
        else {
            assertThat(upserts).extracting(UpsertInvoicePayment::getPaymentRefNum).containsExactly("CHK-1");
        }
    }

    private void deletedPayment(SettingRow row) {
        String id = importedPayment(row);
        expectDeleteOnlyWhenOn(row, "Payment", id, SyncEntityType.PAYMENT, new DeleteInvoicePayment(id));
    }

    /** Deletes an imported transaction in QBO: its delete command comes when the switch is on, and only then. */
    private void expectDeleteOnlyWhenOn(SettingRow row, String qboEntity, String id, SyncEntityType entity,
            Object expectedDelete) {
        stack.delete(row.realm(), qboEntity, id, "0");

        row.expectOutcome(id, entity, SyncAction.DELETE);
        List<Object> deletes = commandsFor(row.tenant(), qboEntity, id).stream().map(CenterpointCommand::getPayload)
                .filter(expectedDelete.getClass()::isInstance).toList();
        if (row.on()) {
            assertThat(deletes).containsExactly(expectedDelete);
        }
        else {
            assertThat(deletes).isEmpty();
        }
    }

    /** A project sub-customer linked as cp-outbound-service links a synced project. */
    private String syncedProject(SettingRow row) {
        connectWithoutSettings(row);
        String parent = stack.create(row.realm(), "Customer", "{\"DisplayName\":\"Owner " + row.realm() + "\"}")
                .path("Id").asString();
        String job = stack.create(row.realm(), "Customer", "{\"DisplayName\":\"Job " + row.realm() + "\",\"Job\":true,"
                + "\"BillWithParent\":true,\"ParentRef\":{\"value\":\"" + parent + "\"}}").path("Id").asString();
        stack.link(row.tenant(), "PROJECT", "p-" + row.realm(), job);
        return job;
    }

    /** An invoice of a synced project that this service already imported (so later changes are changes). */
    private String importedProjectInvoice(SettingRow row) {
        String job = syncedProject(row);
        publish(row.settings());
        String id = stack.create(row.realm(), "Invoice", invoice(job, "280.00")).path("Id").asString();
        await().atMost(WAIT).untilAsserted(() -> assertThat(commandsFor(row.tenant(), "Invoice", id)).hasSize(1));
        return id;
    }

    /** A service invoice written, recorded and linked as cp-outbound-service does. */
    private String syncedServiceInvoice(SettingRow row) {
        connectWithoutSettings(row);
        String customer = stack.create(row.realm(), "Customer", "{\"DisplayName\":\"Payer " + row.realm() + "\"}")
                .path("Id").asString();
        JsonNode invoice = stack.create(row.realm(), "Invoice", invoice(customer, "100.00"));
        String id = invoice.path("Id").asString();
        stack.recordWrite(row.tenant(), row.realm(), "Invoice", id, invoice.path("SyncToken").asString());
        stack.link(row.tenant(), "SERVICE_INVOICE", "si-" + row.realm(), id);
        return customer + "/" + id;
    }

    private String importedPayment(SettingRow row) {
        String serviceInvoice = syncedServiceInvoice(row);
        publish(row.settings());
        String id = stack.create(row.realm(), "Payment", payment(row.realm(), serviceInvoice)).path("Id").asString();
        await().atMost(WAIT).untilAsserted(() -> assertThat(commandsFor(row.tenant(), "Payment", id)).hasSize(1));
        return id;
    }

    /** A payment of 100.00 on the service invoice ({@code customerId/invoiceId}). */
    private static String payment(String realm, String serviceInvoice) {
        String[] ids = serviceInvoice.split("/");
        return "{\"CustomerRef\":{\"value\":\"" + ids[0] + "\"},\"TotalAmt\":100.00,\"PaymentRefNum\":\"CHK-1\","
                + "\"Line\":[{\"Amount\":100.00,\"LinkedTxn\":[{\"TxnId\":\"" + ids[1] + "\",\"TxnType\":\"Invoice\"}]}]}";
    }

    private void connectWithoutSettings(SettingRow row) {
        stack.connect(row.tenant(), row.realm());
        stack.liftLimits(row.realm());
    }

    @FunctionalInterface
    private interface SettingScenario {
        void run(SettingRow row);
    }

    /** One row of the table: the switch under test and its value, with its own tenant and realm. */
    private record SettingRow(String setting, boolean on, String tenant, String realm) {

        private static final Map<String, List<String>> ENTITY_SWITCHES = Map.of(
                "company", List.of("getNewCompaniesFromQbo", "getCompanyChangesFromQbo"),
                "projectInvoice", List.of("getNewProjectInvoices", "getProjectInvoiceChanges",
                        "deleteProjectInvoicesDeletedInQbo"),
                "payment", List.of("getNewPayments", "getPaymentChanges", "deletePaymentsDeletedInQbo"));

        /** Every switch of the row's entity on, the one under test at the row's value, the rest off. */
        SyncSettings.Builder settings() {
            SyncSettings.Builder builder = InboundFlowIT.settings(tenant);
            ENTITY_SWITCHES.values().stream().filter(group -> group.contains(setting)).flatMap(List::stream)
                    .forEach(name -> set(builder, name, true));
            return set(builder, setting, on);
        }

        private static SyncSettings.Builder set(SyncSettings.Builder builder, String name, boolean value) {
            return switch (name) {
                case "getNewCompaniesFromQbo" -> builder.setGetNewCompaniesFromQbo(value);
                case "getCompanyChangesFromQbo" -> builder.setGetCompanyChangesFromQbo(value);
                case "getNewProjectInvoices" -> builder.setGetNewProjectInvoices(value);
                case "getProjectInvoiceChanges" -> builder.setGetProjectInvoiceChanges(value);
                case "deleteProjectInvoicesDeletedInQbo" -> builder.setDeleteProjectInvoicesDeletedInQbo(value);
                case "getNewPayments" -> builder.setGetNewPayments(value);
                case "getPaymentChanges" -> builder.setGetPaymentChanges(value);
                case "deletePaymentsDeletedInQbo" -> builder.setDeletePaymentsDeletedInQbo(value);
                default -> throw new IllegalArgumentException(name);
            };
        }

        /**
         * Waits for the decision about this change: SYNCED when the switch is on, SKIPPED_BY_SETTINGS naming
         * the switch when it is off, and never the other one.
         */
        void expectOutcome(String qboId, SyncEntityType entity, SyncAction action) {
            Predicate<SyncOutcome> thisChange = o -> o.getEntityType() == entity && o.getAction() == action;
            await().atMost(WAIT).untilAsserted(() -> assertThat(outcomes(tenant, qboId)).filteredOn(thisChange)
                    .anySatisfy(o -> {
                        if (on) {
                            assertThat(o.getResult()).isEqualTo(SyncResult.SYNCED);
                        }
                        else {
                            assertThat(o.getResult()).isEqualTo(SyncResult.SKIPPED_BY_SETTINGS);
                            assertThat(o.getReason()).isEqualTo(setting + " is off");
                        }
                    }));
            assertThat(outcomes(tenant, qboId)).filteredOn(thisChange).extracting(SyncOutcome::getResult)
                    .doesNotContain(on ? SyncResult.SKIPPED_BY_SETTINGS : SyncResult.SYNCED);
        }
    }

    // ---- helpers ----

    private double count(String name, String tag, String value) {
        Counter counter = meters.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }

    private Connection connect(String tenant, String realm, SyncSettings.Builder settings) {
        stack.connect(tenant, realm);
        // the sandbox's per-realm limit is shared by the test's own writes and the service's reads
        stack.liftLimits(realm);
        publish(settings);
        return new Connection(tenant, realm, true);
    }

    private static SyncSettings.Builder settings(String tenant) {
        return SyncSettings.newBuilder().setTenantId(tenant).setUpdatedAt(Instant.now());
    }

    private static void publish(SyncSettings.Builder settings) {
        SyncSettings built = settings.setUpdatedAt(Instant.now()).build();
        try {
            producer.send(new ProducerRecord<>(Topics.CENTERPOINT_SYNC_SETTINGS, built.getTenantId(), built)).get();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private String webhookUrl() {
        return "http://localhost:" + port + "/webhooks/quickbooks";
    }

    private WebTestClient.ResponseSpec post(String body, String signature) {
        WebTestClient.RequestBodySpec request = http.post().uri("/webhooks/quickbooks")
                .contentType(MediaType.APPLICATION_JSON);
        if (signature != null) {
            request = request.header("intuit-signature", signature);
        }
        return request.bodyValue(bytes(body)).exchange();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String cloudEvent(String id, String realm, String entity, String op, String entityId) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"test\",\"type\":\"qbo." + entity + "." + op
                + ".v1\",\"time\":\"2026-11-26T10:00:00Z\",\"intuitentityid\":\"" + entityId
                + "\",\"intuitaccountid\":\"" + realm + "\",\"data\":{}}";
    }

    private static String invoice(String customerId, String amount) {
        return "{\"CustomerRef\":{\"value\":\"" + customerId + "\"},\"Line\":[{\"DetailType\":\"SalesItemLineDetail\","
                + "\"Amount\":" + amount + ",\"Description\":\"work\",\"SalesItemLineDetail\":{\"ItemRef\":{\"value\":\"1\"},"
                + "\"Qty\":1,\"UnitPrice\":" + amount + "}}]}";
    }

    private static String payment(String customerId, String serviceInvoiceId, String projectInvoiceId) {
        return "{\"CustomerRef\":{\"value\":\"" + customerId + "\"},\"TotalAmt\":380.00,\"PaymentRefNum\":\"CHK-1\","
                + "\"Line\":[{\"Amount\":100.00,\"LinkedTxn\":[{\"TxnId\":\"" + serviceInvoiceId + "\",\"TxnType\":\"Invoice\"}]},"
                + "{\"Amount\":280.00,\"LinkedTxn\":[{\"TxnId\":\"" + projectInvoiceId + "\",\"TxnType\":\"Invoice\"}]}]}";
    }

    private static List<QboEntityChange> changes(Predicate<QboEntityChange> filter) {
        return topics.values(Topics.QBO_CHANGES, QboEntityChange.class).stream().filter(filter).toList();
    }

    private static List<CenterpointCommand> commands(String tenant) {
        return topics.values(Topics.CENTERPOINT_COMMANDS, CenterpointCommand.class).stream()
                .filter(c -> c.getTenantId().equals(tenant)).toList();
    }

    /** Commands about one QBO id (customer, invoice or payment). */
    private static List<CenterpointCommand> commandsFor(String tenant, String qboEntity, String qboId) {
        Set<String> ids = Set.of(qboEntity + "/" + qboId);
        return commands(tenant).stream().filter(c -> ids.contains(qboIdOf(c.getPayload()))).toList();
    }

    private static String qboIdOf(Object payload) {
        if (payload instanceof UpsertCompany c) {
            return "Customer/" + c.getQboCustomerId();
        }
        if (payload instanceof UpsertProjectInvoice i) {
            return "Invoice/" + i.getQboInvoiceId();
        }
        if (payload instanceof UpsertInvoicePayment p) {
            return "Payment/" + p.getQboPaymentId();
        }
        if (payload instanceof DeleteProjectInvoice d) {
            return "Invoice/" + d.getQboInvoiceId();
        }
        if (payload instanceof DeleteInvoicePayment d) {
            return "Payment/" + d.getQboPaymentId();
        }
        return UUID.randomUUID().toString();
    }

    private static List<SyncOutcome> outcomes(String tenant, String qboId) {
        return topics.values(Topics.SYNC_OUTCOMES, SyncOutcome.class).stream()
                .filter(o -> o.getTenantId().equals(tenant) && qboId.equals(o.getQboId())).toList();
    }
}
