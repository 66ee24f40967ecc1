package com.cpsync.syncsupport.lag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;

/** Lag per partition from the three offset maps the broker gives; no I/O. */
final class LagCalculator {

    private LagCalculator() {
    }

    /**
     * @param committed the group's committed offsets (partitions it never committed are absent)
     * @param end       end offsets of every partition of the group's topics
     * @param start     log-start offsets of the same partitions (what "nothing committed" means)
     */
    static List<PartitionLag> lags(String group, Map<TopicPartition, Long> committed,
            Map<TopicPartition, Long> end, Map<TopicPartition, Long> start) {
        List<PartitionLag> lags = new ArrayList<>();
        end.forEach((partition, endOffset) -> {
            long from = committed.getOrDefault(partition, start.getOrDefault(partition, 0L));
            lags.add(new PartitionLag(group, partition.topic(), partition.partition(), endOffset, from));
        });
        lags.sort(Comparator.comparing(PartitionLag::topic).thenComparingInt(PartitionLag::partition));
        return lags;
    }
}
