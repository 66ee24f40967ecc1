package com.cpsync.inbound.adapter.in.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.cpsync.schemas.avro.SyncSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The failure path of the settings reader. Kafka's own MockConsumer stands in for the broker because a
 * real one cannot be made to fail one poll on demand; the happy path runs against a real broker in the IT.
 */
class SyncSettingsKafkaReaderTest {

    private static final String TOPIC = "centerpoint.sync-settings.v1";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

    private final Deque<Consumer<String, Object>> consumers = new ArrayDeque<>();
    private final SyncSettingsKafkaReader reader = new SyncSettingsKafkaReader(consumers::pop, TOPIC);

    @AfterEach
    void stop() {
        reader.stop();
    }

    @Test
    void shouldReadTheTopicAgainAfterAFailedPollInsteadOfStoppingForGood() {
        MockConsumer<String, Object> failing = consumerOfOneRecordTopic();
        failing.setPollException(new KafkaException("broker connection lost"));
        MockConsumer<String, Object> healthy = consumerOfOneRecordTopic();
        healthy.schedulePollTask(() -> healthy.addRecord(new ConsumerRecord<>(TOPIC, 0, 0L, "tenant-1",
                SyncSettings.newBuilder().setTenantId("tenant-1").setUpdatedAt(Instant.now()).build())));
        consumers.add(failing);
        consumers.add(healthy);

        reader.start();

        await().atMost(Duration.ofSeconds(10)).until(reader::isCaughtUp);
        assertThat(reader.of("tenant-1")).isPresent();
        assertThat(failing.closed()).isTrue();
    }

    private static MockConsumer<String, Object> consumerOfOneRecordTopic() {
        MockConsumer<String, Object> consumer = new MockConsumer<>("earliest");
        consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, null, null, null)));
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        consumer.updateEndOffsets(Map.of(PARTITION, 1L));
        return consumer;
    }
}
