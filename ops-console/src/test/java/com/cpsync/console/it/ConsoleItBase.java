package com.cpsync.console.it;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.cpsync.schemas.Topics;
import com.cpsync.schemas.serde.AvroSerializer;
import com.cpsync.testsupport.apps.SharedSpringContext;

/**
 * What every console IT shares: the console on a random port with an embedded broker (KRaft) and a real
 * PostgreSQL (zonky's embedded server), an OPERATOR {@code ops} and a VIEWER {@code viewer}. The IT classes
 * have the same configuration, so they share one context; each test uses its own tenant.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "app.access.users[0].name=ops", "app.access.users[0].password=local-ops-password",
        "app.access.users[0].role=OPERATOR",
        "app.access.users[1].name=viewer", "app.access.users[1].password=viewer-password",
        "app.access.users[1].role=VIEWER",
        // a dead-letter topic created during a test is subscribed within a second
        "spring.kafka.consumer.properties.metadata.max.age.ms=1000",
        "app.retention.first-purge-after=1h",
        // nothing listens there: the tenants page's connection state is UNKNOWN (the demo shows it connected)
        "app.mapping.base-url=http://127.0.0.1:9",
        // nor for reconciliation's Centerpoint and QBO (ReconciliationIT has the real ones)
        "app.centerpoint.base-url=http://127.0.0.1:9", "app.qbo.base-url=http://127.0.0.1:9",
        "app.reconciliation.daily=false",
        "logging.level.org.apache.kafka=WARN", "logging.level.kafka=WARN",
        "logging.level.io.zonky.test.db.postgres.embedded=WARN"})
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers", topics = {
        Topics.SYNC_OUTCOMES, Topics.CENTERPOINT_EVENTS, Topics.CP_OUTBOUND_RESOLUTIONS, ConsoleItBase.EVENTS_DLT, ConsoleItBase.OUTCOMES_DLT,
        ConsoleItBase.CHANGES_DLT})
@ExtendWith(ConsoleItBase.SharedContext.class)
abstract class ConsoleItBase {

    static final String EVENTS_DLT = "centerpoint.events.v1.DLT";
    static final String OUTCOMES_DLT = "sync.outcomes.v1.DLT";
    static final String CHANGES_DLT = "qbo.changes.v1.DLT";
    static final Duration WAIT = Duration.ofSeconds(30);

    /** Closes the tests' producer, then the shared context with its broker, after the last IT. */
    static final class SharedContext extends SharedSpringContext {

        @Override
        protected void beforeClosing() {
            closeProducer();
        }
    }

    private static final AvroSerializer AVRO = new AvroSerializer();
    private static KafkaProducer<String, byte[]> producer;

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        TestDatabase.register(registry, "postgres");
    }

    /** The database the console reads the sync services' shared QBO budget from. */
    static DataSource budgetDatabase() {
        return TestDatabase.postgresDatabase();
    }

    ConsoleApi operator() {
        return ConsoleApi.as(port, "ops", "local-ops-password");
    }

    ConsoleApi viewer() {
        return ConsoleApi.as(port, "viewer", "viewer-password");
    }

    /** Avro records go out as the services write them: the project's single-object encoding. */
    void publish(ProducerRecord<String, SpecificRecord> record) {
        send(new ProducerRecord<>(record.topic(), record.partition(), record.timestamp(), record.key(),
                AVRO.serialize(record.topic(), record.value()), record.headers()));
    }

    void publish(String topic, String key, SpecificRecord value) {
        publish(new ProducerRecord<>(topic, key, value));
    }

    void publishBytes(String topic, String key, byte[] value) {
        send(new ProducerRecord<>(topic, key, value));
    }

    private void send(ProducerRecord<String, byte[]> record) {
        try {
            producer(brokers).send(record).get();
        }
        catch (Exception ex) {
            throw new IllegalStateException("could not publish to " + record.topic(), ex);
        }
    }

    private static synchronized KafkaProducer<String, byte[]> producer(String brokers) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                    new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private static synchronized void closeProducer() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }
}
