package com.cpsync.console.adapter.out.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import com.cpsync.console.application.port.SyncLag;

/**
 * How old the oldest record a sync service's group has not consumed yet is, plus the time a write takes after its
 * record is consumed ({@code writeGrace}): for each partition of the topic where the group's committed offset is
 * behind the end, the timestamp of the record at the committed offset. Only the grace when the group is caught up,
 * or when the broker knows no offsets of the group (no such service runs: nothing is on its way through it); a
 * partition the group never committed on counts from its first record.
 */
public record BrokerSyncLag(Admin admin, Map<String, Object> consumerProperties, Group outboundGroup,
        Group inboundGroup, Clock clock, long timeoutMillis, Duration writeGrace) implements SyncLag {

    private static final Duration POLL = Duration.ofSeconds(2);

    /** The groups only: the consumer properties may carry the broker's credentials. */
    @Override
    public String toString() {
        return "BrokerSyncLag[" + outboundGroup + ", " + inboundGroup + "]";
    }

    /** A consumer group and the topic whose lag counts. */
    public record Group(String groupId, String topic) {
    }

    @Override
    public Duration outbound() {
        return behind(outboundGroup).plus(writeGrace);
    }

    @Override
    public Duration inbound() {
        return behind(inboundGroup).plus(writeGrace);
    }

    private Duration behind(Group group) {
        Map<TopicPartition, OffsetAndMetadata> committed;
        try {
            committed = admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata()
                    .get(timeoutMillis, TimeUnit.MILLISECONDS);
        }
        catch (Exception ex) {
            if (ex instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("the broker did not tell group " + group.groupId() + "'s offsets", ex);
        }
        if (committed == null || committed.isEmpty()) {
            return Duration.ZERO;
        }
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties)) {
            List<TopicPartition> partitions = consumer.partitionsFor(group.topic()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions);
            Instant oldest = null;
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata offset = committed.get(partition);
                long from = offset == null ? starts.get(partition) : Math.max(offset.offset(), starts.get(partition));
                if (from < ends.get(partition)) {
                    Instant at = timestampAt(consumer, partition, from);
                    oldest = oldest == null || at != null && at.isBefore(oldest) ? at : oldest;
                }
            }
            return oldest == null ? Duration.ZERO : Duration.between(oldest, clock.instant()).abs();
        }
    }

    private static Instant timestampAt(KafkaConsumer<byte[], byte[]> consumer, TopicPartition partition, long offset) {
        consumer.assign(List.of(partition));
        consumer.seek(partition, offset);
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL).records(partition)) {
            return Instant.ofEpochMilli(record.timestamp());
        }
        return null;
    }
}
