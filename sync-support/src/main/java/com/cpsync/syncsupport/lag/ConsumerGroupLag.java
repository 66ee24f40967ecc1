package com.cpsync.syncsupport.lag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Reads committed and end offsets of consumer groups from the broker (Kafka's Admin API); closes its admin client. */
public final class ConsumerGroupLag implements AutoCloseable {

    private final Admin admin;
    private final long timeoutMillis;

    public ConsumerGroupLag(Admin admin, long timeoutMillis) {
        this.admin = admin;
        this.timeoutMillis = timeoutMillis;
    }

    /** Lag of {@code group} on every partition of {@code topics}, including partitions it never committed. */
    public List<PartitionLag> of(String group, Collection<String> topics) {
        try {
            List<TopicPartition> partitions = partitionsOf(topics);
            Map<TopicPartition, Long> committed = committedOffsets(group);
            return LagCalculator.lags(group, committed, offsets(partitions, OffsetSpec.latest()),
                    offsets(partitions, OffsetSpec.earliest()));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the lag of group " + group, ex);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new IllegalStateException("could not read the lag of group " + group + ": " + ex.getMessage(), ex);
        }
    }

    private List<TopicPartition> partitionsOf(Collection<String> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames()
                .get(timeoutMillis, TimeUnit.MILLISECONDS);
        List<TopicPartition> partitions = new ArrayList<>();
        descriptions.values().forEach(topic -> topic.partitions()
                .forEach(info -> partitions.add(new TopicPartition(topic.name(), info.partition()))));
        return partitions;
    }

    private Map<TopicPartition, Long> committedOffsets(String group)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(timeoutMillis, TimeUnit.MILLISECONDS);
        Map<TopicPartition, Long> committed = new HashMap<>();
        offsets.forEach((partition, offset) -> {
            if (offset != null) {
                committed.put(partition, offset.offset());
            }
        });
        return committed;
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = partitions.stream()
                .collect(Collectors.toMap(Function.identity(), partition -> spec));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = admin.listOffsets(request).all()
                .get(timeoutMillis, TimeUnit.MILLISECONDS);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        result.forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    @Override
    public void close() {
        admin.close();
    }
}
