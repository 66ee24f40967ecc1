package com.cpsync.inbound.it;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.cpsync.inbound.application.Connection;
import com.cpsync.mapping.MappingServiceApplication;
import com.cpsync.sandbox.QboSandboxApplication;
import com.cpsync.schemas.Topics;
import com.cpsync.schemas.avro.CenterpointCommand;
import com.cpsync.schemas.avro.DeleteInvoicePayment;
import com.cpsync.schemas.avro.DeleteProjectInvoice;
import com.cpsync.schemas.avro.QboEntityChange;
import com.cpsync.schemas.avro.SyncOutcome;
import com.cpsync.schemas.avro.SyncSettings;
import com.cpsync.schemas.avro.UpsertCompany;
import com.cpsync.schemas.avro.UpsertInvoicePayment;
import com.cpsync.schemas.avro.UpsertProjectInvoice;
import com.cpsync.schemas.serde.AvroSerializer;
import com.cpsync.testsupport.apps.InProcessPeers;
import com.cpsync.testsupport.apps.StartInProcessPeers;

/**
 * What every inbound IT shares: this app on a random port with an embedded broker (KRaft), the real
 * qbo-sandbox sending its signed webhooks here, and the real mapping-service with PostgreSQL, all
 * in-process (test-support's {@link StartInProcessPeers}). The IT classes have the same configuration, so
 * they share one context; {@link SharedStack} closes it once, at the end of the run, before the peers.
 * Each test uses its own tenant and realm.
 */
@StartInProcessPeers(sandbox = QboSandboxApplication.class, mappingService = MappingServiceApplication.class,
        sandboxProperties = {"sandbox.webhooks.aggregation-window=100ms", "sandbox.webhooks.retry-delays=1s,2s,3s"})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "app.webhook.verifier-token=" + InboundItBase.TOKEN,
        "app.cdc.interval=" + InboundItBase.CDC_INTERVAL_SECONDS + "s",
        "app.cdc.first-look-back=10m",
        // test-scale isolation of a failing realm: short parking, short retry-topic back-off
        "app.inbound.retry.park-initial=500ms", "app.inbound.retry.park-max=2s",
        "app.inbound.retry.back-off-initial=500ms", "app.inbound.retry.back-off-max=2s",
        "app.inbound.retry.back-off-max-elapsed=60s",
        "spring.autoconfigure.exclude=" + InProcessPeers.NO_DATABASE})
@AutoConfigureWebTestClient
@Import(InboundItBase.ItClock.class)
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers", topics = {
        Topics.QBO_CHANGES, InboundItBase.CHANGES_DLT, Topics.CENTERPOINT_COMMANDS, Topics.SYNC_OUTCOMES,
        Topics.CENTERPOINT_SYNC_SETTINGS})
@ExtendWith(SharedStack.class)
abstract class InboundItBase {

    static final String TOKEN = "b5771f19b12ddb4bcdb9f08bdc50bc63878a";
    static final String CDC_INTERVAL_SECONDS = "3";
    static final String CHANGES_DLT = "qbo.changes.v1.DLT";
    static final Duration WAIT = Duration.ofSeconds(30);

    /** This service's clock: real time unless a test pins it (and lets it go again). */
    @TestConfiguration(proxyBeanMethods = false)
    static class ItClock {

        @Bean
        @Primary
        SwitchableClock switchableClock() {
            return new SwitchableClock();
        }
    }

    static SandboxAndMapping stack;
    static TopicRecorder topics;
    static KafkaProducer<String, SpecificRecord> producer;

    @DynamicPropertySource
    static void peers(DynamicPropertyRegistry registry) {
        stack = new SandboxAndMapping(InProcessPeers.running());
        registry.add("app.inbound.mapping-url", () -> stack.mappingUrl);
        registry.add("app.inbound.qbo-url", () -> stack.sandboxUrl);
    }

    @Autowired
    WebTestClient http;

    @LocalServerPort
    int port;

    @BeforeEach
    void wire() {
        recordTopicsOnce(brokers());
        stack.webhooks(webhookUrl(), TOKEN, true);
    }

    private static synchronized void recordTopicsOnce(String brokers) {
        if (topics == null) {
            topics = new TopicRecorder(brokers, List.of(Topics.QBO_CHANGES, CHANGES_DLT, Topics.CENTERPOINT_COMMANDS,
                    Topics.SYNC_OUTCOMES));
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                    new StringSerializer(), new AvroSerializer());
        }
    }

    /** Closes the recorder and producer; the next run of a test class starts new ones. */
    static synchronized void closeTopics() throws InterruptedException {
        if (topics != null) {
            topics.close();
            producer.close();
            topics = null;
        }
    }

    static String brokers() {
        return System.getProperty("spring.kafka.bootstrap-servers");
    }

    String webhookUrl() {
        return "http://localhost:" + port + "/webhooks/quickbooks";
    }

    /** Connects the tenant through the real OAuth flow and publishes its settings. */
    static Connection connect(String tenant, String realm, SyncSettings.Builder settings) {
        stack.connect(tenant, realm);
        // the sandbox's per-realm limit is shared by the test's own writes and the service's reads
        stack.liftLimits(realm);
        publish(settings);
        return new Connection(tenant, realm, true);
    }

    static SyncSettings.Builder settings(String tenant) {
        return SyncSettings.newBuilder().setTenantId(tenant).setUpdatedAt(Instant.now());
    }

    static void publish(SyncSettings.Builder settings) {
        SyncSettings built = settings.setUpdatedAt(Instant.now()).build();
        try {
            producer.send(new ProducerRecord<>(Topics.CENTERPOINT_SYNC_SETTINGS, built.getTenantId(), built)).get();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    WebTestClient.ResponseSpec post(String body, String signature) {
        WebTestClient.RequestBodySpec request = http.post().uri("/webhooks/quickbooks")
                .contentType(MediaType.APPLICATION_JSON);
        if (signature != null) {
            request = request.header("intuit-signature", signature);
        }
        return request.bodyValue(bytes(body)).exchange();
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static List<QboEntityChange> changes(Predicate<QboEntityChange> filter) {
        return topics.values(Topics.QBO_CHANGES, QboEntityChange.class).stream().filter(filter).toList();
    }

    static List<CenterpointCommand> commands(String tenant) {
        return topics.values(Topics.CENTERPOINT_COMMANDS, CenterpointCommand.class).stream()
                .filter(c -> c.getTenantId().equals(tenant)).toList();
    }

    /** Commands about one QBO id (customer, invoice or payment). */
    static List<CenterpointCommand> commandsFor(String tenant, String qboEntity, String qboId) {
        String id = qboEntity + "/" + qboId;
        return commands(tenant).stream().filter(c -> id.equals(qboIdOf(c.getPayload()))).toList();
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

    static List<SyncOutcome> outcomes(String tenant, String qboId) {
        return topics.values(Topics.SYNC_OUTCOMES, SyncOutcome.class).stream()
                .filter(o -> o.getTenantId().equals(tenant) && qboId.equals(o.getQboId())).toList();
    }
}
