package com.cpsync.syncsupport.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.support.serializer.SerializationUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The reader against Kafka's own MockConsumer, which can fail a poll on demand; the services' ITs run
 * it against a real broker.
 */
class ReplayedTopicReaderTest {

    private static final String TOPIC = "centerpoint.sync-settings.v1";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

    private final Deque<Consumer<String, String>> consumers = new ArrayDeque<>();
    private final Map<String, String> memory = new ConcurrentHashMap<>();
    private final ReplayedTopicReader<String> reader = new ReplayedTopicReader<>(TOPIC, consumers::pop,
            (key, value) -> {
                if ("poison".equals(value)) {
                    throw new IllegalArgumentException("cannot apply " + value);
                }
                if (value == null) {
                    memory.remove(key);
                }
                else {
                    memory.put(key, value);
                }
            });

    @AfterEach
    void stop() {
        reader.close();
    }

    @Test
    void shouldReadTheTopicToItsEndAndKeepFollowingIt() {
        MockConsumer<String, String> consumer = consumerOfTopicEndingAt(2);
        consumer.schedulePollTask(() -> {
            consumer.addRecord(record(0, "tenant-1", "v1"));
            consumer.addRecord(record(1, "tenant-2", "v1"));
        });
        consumers.add(consumer);

        reader.start();
        reader.awaitCaughtUp(Duration.ofSeconds(10));
        assertThat(memory).containsOnlyKeys("tenant-1", "tenant-2");

        consumer.schedulePollTask(() -> {
            consumer.addRecord(record(2, "tenant-1", "v2"));
            consumer.addRecord(record(3, "tenant-2", null));
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> memory.equals(Map.of("tenant-1", "v2")));
    }

    @Test
    void shouldReadTheTopicAgainAfterAFailedPollInsteadOfStoppingForGood() {
        MockConsumer<String, String> failing = consumerOfTopicEndingAt(1);
        failing.setPollException(new KafkaException("broker connection lost"));
        MockConsumer<String, String> healthy = consumerOfTopicEndingAt(1);
        healthy.schedulePollTask(() -> healthy.addRecord(record(0, "tenant-1", "v1")));
        consumers.add(failing);
        consumers.add(healthy);

        reader.start();

        await().atMost(Duration.ofSeconds(10)).until(reader::caughtUp);
        assertThat(memory).containsEntry("tenant-1", "v1");
        assertThat(failing.closed()).isTrue();
    }

    @Test
    void shouldSkipRecordsItCannotReadOrApplyAndKeepThePreviousValue() {
        MockConsumer<String, String> consumer = consumerOfTopicEndingAt(3);
        ConsumerRecord<String, String> unreadable = record(1, "tenant-1", null);
        unreadable.headers().add(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER,
                "not Avro".getBytes(StandardCharsets.UTF_8));
        consumer.schedulePollTask(() -> {
            consumer.addRecord(record(0, "tenant-1", "v1"));
            consumer.addRecord(unreadable);
            consumer.addRecord(record(2, "tenant-1", "poison"));
        });
        consumers.add(consumer);

        reader.start();
        reader.awaitCaughtUp(Duration.ofSeconds(10));

        assertThat(memory).containsExactly(Map.entry("tenant-1", "v1"));
    }

    @Test
    void shouldSayWhenTheTopicWasNotReadInTime() {
        MockConsumer<String, String> consumer = consumerOfTopicEndingAt(1);
        consumers.add(consumer);

        reader.start();

        assertThat(reader.caughtUp()).isFalse();
        assertThatThrownBy(() -> reader.awaitCaughtUp(Duration.ofMillis(50)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(TOPIC);
    }

    private static ConsumerRecord<String, String> record(long offset, String key, String value) {
        return new ConsumerRecord<>(TOPIC, 0, offset, key, value);
    }

    private static MockConsumer<String, String> consumerOfTopicEndingAt(long endOffset) {
        MockConsumer<String, String> consumer = new MockConsumer<>("earliest");
        consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, null, null, null)));
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        consumer.updateEndOffsets(Map.of(PARTITION, endOffset));
        return consumer;
    }
}
