package com.cpsync.syncsupport.lag;

/**
 * How far one consumer group is behind on one partition, as operators count it: the partition's end
 * offset minus the group's committed offset (the log-start offset when the group has committed nothing).
 * A commit held back by a parked tenant shows here, where the client's own {@code records-lag} does not.
 */
public record PartitionLag(String group, String topic, int partition, long endOffset, long committedOffset) {

    public long lag() {
        return Math.max(0, endOffset - committedOffset);
    }
}
