package com.cpsync.console.domain.lag;

/** One consumer group on one partition: its committed offset (null when it has committed nothing) and the end. */
public record PartitionLagView(String group, String topic, int partition, Long committedOffset, long endOffset,
                               long lag) {
}
