package com.cpsync.console.adapter.out.kafka;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import com.cpsync.console.application.port.ConsumerLagSource;
import com.cpsync.console.domain.lag.PartitionLagView;
import com.cpsync.syncsupport.lag.ConsumerGroupLag;
import com.cpsync.syncsupport.lag.PartitionLag;

/**
 * Lag of every consumer group the broker knows, on every partition of the topics it has committed on: the same
 * end-minus-committed figure as the services' {@code consumer_group_lag} gauge (sync-support's
 * {@link ConsumerGroupLag}), asked when the page or the API asks.
 */
public class BrokerConsumerLag implements ConsumerLagSource, AutoCloseable {

    private final Admin admin;
    private final ConsumerGroupLag lag;
    private final long timeoutMillis;

    public BrokerConsumerLag(Admin admin, long timeoutMillis) {
        this.admin = admin;
        this.lag = new ConsumerGroupLag(admin, timeoutMillis);
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public List<PartitionLagView> all() {
        List<PartitionLagView> all = new ArrayList<>();
        for (String group : groups()) {
            Map<TopicPartition, OffsetAndMetadata> committed = committed(group);
            TreeSet<String> topics = new TreeSet<>();
            committed.keySet().forEach(partition -> topics.add(partition.topic()));
            if (topics.isEmpty()) {
                continue;
            }
            for (PartitionLag partition : lag.of(group, topics)) {
                OffsetAndMetadata offset = committed.get(new TopicPartition(partition.topic(), partition.partition()));
                all.add(new PartitionLagView(group, partition.topic(), partition.partition(),
                        offset == null ? null : offset.offset(), partition.endOffset(), partition.lag()));
            }
        }
        all.sort(Comparator.comparing(PartitionLagView::group).thenComparing(PartitionLagView::topic)
                .thenComparingInt(PartitionLagView::partition));
        return all;
    }

    private List<String> groups() {
        return await(() -> admin.listGroups(ListGroupsOptions.forConsumerGroups()).all()
                .get(timeoutMillis, TimeUnit.MILLISECONDS)).stream().map(GroupListing::groupId).toList();
    }

    private Map<TopicPartition, OffsetAndMetadata> committed(String group) {
        return await(() -> admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                .get(timeoutMillis, TimeUnit.MILLISECONDS));
    }

    private interface BrokerCall<T> {
        T get() throws InterruptedException, ExecutionException, TimeoutException;
    }

    private static <T> T await(BrokerCall<T> call) {
        try {
            return call.get();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading consumer groups", ex);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new IllegalStateException("the broker did not answer about consumer groups: " + ex.getMessage(), ex);
        }
    }

    @Override
    public void close() {
        lag.close();
    }
}
