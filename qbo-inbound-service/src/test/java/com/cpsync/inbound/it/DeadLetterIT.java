package com.cpsync.inbound.it;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import com.cpsync.schemas.Topics;
import com.cpsync.schemas.avro.ChangeSource;
import com.cpsync.schemas.avro.QboEntityChange;
import com.cpsync.schemas.avro.QboOperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Poison on {@code qbo.changes.v1} goes to its DLT with the reason, and the realm's partition keeps flowing. */
class DeadLetterIT extends InboundItBase {

    @Test
    void shouldDeadLetterAnUnreadableChangeAndKeepTheRealmFlowing() throws Exception {
        connect("t-dlt", "r-dlt", settings("t-dlt").setGetNewCompaniesFromQbo(true));
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                brokers()), new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(Topics.QBO_CHANGES, "r-dlt", bytes("not avro at all"))).get();
        }
        String id = stack.create("r-dlt", "Customer", "{\"DisplayName\":\"After Poison\"}").path("Id").asString();

        await().atMost(WAIT).untilAsserted(() -> assertThat(commandsFor("t-dlt", "Customer", id)).hasSize(1));
        await().atMost(WAIT).untilAsserted(() -> assertThat(topics.records(CHANGES_DLT))
                .anySatisfy(r -> {
                    assertThat(r.key()).isEqualTo("r-dlt");
                    assertThat(r.headers().lastHeader("kafka_dlt-exception-message")).isNotNull();
                }));
    }

    @Test
    void shouldDeadLetterAChangeOfAnEntityQboDoesNotHaveWithTheReason() throws Exception {
        connect("t-dlt-name", "r-dlt-name", settings("t-dlt-name").setGetNewCompaniesFromQbo(true));
        Instant now = Instant.now();
        producer.send(new ProducerRecord<>(Topics.QBO_CHANGES, "r-dlt-name", QboEntityChange.newBuilder()
                .setChangeId("spaceship-1").setRealmId("r-dlt-name").setEntityName("Spaceship").setEntityId("1")
                .setOperation(QboOperation.CREATE).setLastUpdated(now).setSource(ChangeSource.WEBHOOK)
                .setReceivedAt(now).build())).get();
        String id = stack.create("r-dlt-name", "Customer", "{\"DisplayName\":\"After Spaceship\"}").path("Id").asString();

        await().atMost(WAIT).untilAsserted(() -> assertThat(commandsFor("t-dlt-name", "Customer", id)).hasSize(1));
        await().atMost(WAIT).untilAsserted(() -> assertThat(topics.records(CHANGES_DLT)).anySatisfy(r -> {
            assertThat(r.value()).isInstanceOfSatisfying(QboEntityChange.class,
                    change -> assertThat(change.getChangeId()).isEqualTo("spaceship-1"));
            assertThat(new String(r.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
                    .contains("unknown QBO entity 'Spaceship'");
        }));
    }
}
