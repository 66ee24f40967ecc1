package com.cpsync.outbound.adapter.in.kafka.waiting;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The scan against Kafka's MockConsumer; the ITs run it against a real broker. */
class WaitingTopicScanTest {

    private static final String TOPIC = "cp-outbound.waiting.v1";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);

    private final MockConsumer<String, String> consumer = new MockConsumer<>("earliest");
    private final WaitingTopicScan scan = new WaitingTopicScan(TOPIC, () -> consumer, Duration.ofSeconds(5));

    @Test
    void shouldCountTheRecordsOfEachTenantFromTheCommittedOffsetToTheEnd() {
        consumer.assign(List.of(P0, P1));
        consumer.commitSync(Map.of(P0, new OffsetAndMetadata(2)));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        consumer.updateEndOffsets(Map.of(P0, 5L, P1, 2L));
        consumer.schedulePollTask(() -> {
            List.of("t1", "t2", "t1", "t1", "t2").forEach(new Adder(consumer, P0)::add);
            List.of("t3", "t3").forEach(new Adder(consumer, P1)::add);
        });

        Map<Integer, WaitingTopicScan.Counted> counted = scan.scan(List.of(0, 1));

        assertThat(counted.get(0).recordsByTenant()).isEqualTo(Map.of("t1", 2, "t2", 1));
        assertThat(counted.get(0).endOffset()).isEqualTo(5);
        assertThat(counted.get(1).recordsByTenant()).as("never committed: from the beginning")
                .isEqualTo(Map.of("t3", 2));
    }

    @Test
    void shouldFindNothingInAPartitionReadToItsEnd() {
        consumer.assign(List.of(P0));
        consumer.commitSync(Map.of(P0, new OffsetAndMetadata(3)));
        consumer.updateBeginningOffsets(Map.of(P0, 0L));
        consumer.updateEndOffsets(Map.of(P0, 3L));

        Map<Integer, WaitingTopicScan.Counted> counted = scan.scan(List.of(0));

        assertThat(counted.get(0).recordsByTenant()).isEmpty();
        assertThat(counted.get(0).endOffset()).isEqualTo(3);
        assertThat(consumer.closed()).isTrue();
    }

    /** Adds records with the next offsets of one partition. */
    private static final class Adder {
        private final MockConsumer<String, String> consumer;
        private final TopicPartition partition;
        private long offset;

        private Adder(MockConsumer<String, String> consumer, TopicPartition partition) {
            this.consumer = consumer;
            this.partition = partition;
        }

        private void add(String tenant) {
            consumer.addRecord(new ConsumerRecord<>(TOPIC, partition.partition(), offset++, tenant, "event"));
        }
    }
}
