package com.cpsync.console.domain.outcome;

/** Where a record sits in Kafka; indexing the same position twice (a redelivery) stores it once. */
public record TopicPosition(String topic, int partition, long offset) {

    @Override
    public String toString() {
        return topic + "/" + partition + "/" + offset;
    }
}
