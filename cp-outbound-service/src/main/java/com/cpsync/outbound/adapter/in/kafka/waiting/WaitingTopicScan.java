package com.cpsync.outbound.adapter.in.kafka.waiting;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Counts the records per tenant (key) in partitions of the waiting topic, from the events group's
 * committed offset (else the beginning) to the end offset taken when the scan starts: what the group's
 * consumer will deliver from there. Its own consumer only reads the group's offsets; it never joins the
 * group nor commits.
 */
public class WaitingTopicScan {

    private static final Duration POLL = Duration.ofMillis(200);

    private final String topic;
    private final Supplier<? extends Consumer<String, ?>> consumers;
    private final Duration timeout;

    /** @param consumers makes a consumer configured with the events group's id (for its committed offsets) */
    public WaitingTopicScan(String topic, Supplier<? extends Consumer<String, ?>> consumers, Duration timeout) {
        this.topic = topic;
        this.consumers = consumers;
        this.timeout = timeout;
    }

    /** What one partition holds: records per tenant, and the end offset the count stops at. */
    public record Counted(Map<String, Integer> recordsByTenant, long endOffset) {
    }

    /** Scans the partitions; an exception when the broker does not answer within the timeout. */
    public Map<Integer, Counted> scan(Collection<Integer> partitions) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        try (Consumer<String, ?> consumer = consumers.get()) {
            List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p)).toList();
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(assigned), timeout);
            consumer.assign(assigned);
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(assigned, timeout);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned, timeout);
            Map<Integer, Map<String, Integer>> counts = new HashMap<>();
            Set<TopicPartition> unread = new HashSet<>();
            for (TopicPartition partition : assigned) {
                OffsetAndMetadata offset = committed.get(partition);
                long from = Math.max(beginning.get(partition), offset == null ? 0 : offset.offset());
                counts.put(partition.partition(), new HashMap<>());
                if (from < end.get(partition)) {
                    consumer.seek(partition, from);
                    unread.add(partition);
                }
                else {
                    consumer.pause(List.of(partition));
                }
            }
            read(consumer, end, counts, unread);
            Map<Integer, Counted> result = new HashMap<>();
            counts.forEach((partition, byTenant) -> result.put(partition,
                    new Counted(byTenant, end.get(new TopicPartition(topic, partition)))));
            return result;
        }
    }

    private void read(Consumer<String, ?> consumer, Map<TopicPartition, Long> end,
            Map<Integer, Map<String, Integer>> counts, Set<TopicPartition> unread) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!unread.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("waiting topic " + topic + " not read to its end in " + timeout);
            }
            for (ConsumerRecord<String, ?> record : consumer.poll(POLL)) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (record.offset() < end.get(partition)) {
                    counts.get(record.partition()).merge(record.key(), 1, Integer::sum);
                }
            }
            for (TopicPartition partition : Set.copyOf(unread)) {
                if (consumer.position(partition) >= end.get(partition)) {
                    unread.remove(partition);
                    consumer.pause(List.of(partition));
                }
            }
        }
    }
}
