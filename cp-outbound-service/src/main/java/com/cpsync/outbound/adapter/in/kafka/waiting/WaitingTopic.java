package com.cpsync.outbound.adapter.in.kafka.waiting;

import java.util.concurrent.CompletableFuture;

import com.cpsync.schemas.avro.CenterpointEvent;

/** The waiting topic's write side (a port of this package, so that its rules are tested without a broker). */
public interface WaitingTopic {

    /**
     * Appends the record to partition {@code partition} of the waiting topic, keyed by its tenant, and
     * returns its offset once the broker has it; a {@code KafkaSendFailedException} otherwise.
     *
     * @param headers how often it went back to the tail before (0 when it first comes), when it first came, and
     *                its original's offset on the events topic
     */
    long append(int partition, String tenantId, CenterpointEvent value, WaitingHeaders headers);

    /**
     * Like {@link #append}, without waiting: the offset once the broker has the record. Records appended to one
     * partition are written in the order they were given, or some of them fail.
     */
    default CompletableFuture<Long> appendAsync(int partition, String tenantId, CenterpointEvent value,
            WaitingHeaders headers) {
        try {
            return CompletableFuture.completedFuture(append(partition, tenantId, value, headers));
        }
        catch (RuntimeException ex) {
            return CompletableFuture.failedFuture(ex);
        }
    }
}
