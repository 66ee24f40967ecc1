package com.cpsync.outbound.adapter.in.kafka.work;

import java.time.Instant;

import com.cpsync.schemas.avro.CenterpointEvent;

/**
 * Where a work item's record was read: the events topic, or the waiting topic of tenants without a QBO
 * connection. {@code epoch} names the assignment of the partition it came with; once the partition is
 * revoked, the item is stale (its new owner reads it again from the committed offset).
 */
public sealed interface RecordOrigin permits RecordOrigin.Events, RecordOrigin.Waiting {

    int partition();

    long offset();

    long epoch();

    /** The record's value as it was read, forwarded unchanged to the waiting topic. */
    CenterpointEvent value();

    /** A record of {@code centerpoint.events.v1}. */
    record Events(int partition, long offset, long epoch, CenterpointEvent value) implements RecordOrigin {
    }

    /**
     * A record of the waiting topic, handed back once its tenant can sync: {@code cycles} counts how often
     * it went back to the waiting topic's tail, {@code waitingSince} is when it first went there.
     */
    record Waiting(int partition, long offset, long epoch, CenterpointEvent value, int cycles, Instant waitingSince)
            implements RecordOrigin {
    }
}
