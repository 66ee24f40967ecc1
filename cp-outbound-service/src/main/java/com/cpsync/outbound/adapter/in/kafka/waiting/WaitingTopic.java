package com.cpsync.outbound.adapter.in.kafka.waiting;

import java.time.Instant;

import com.cpsync.schemas.avro.CenterpointEvent;

/** The waiting topic's write side (a port of this package, so that its rules are tested without a broker). */
public interface WaitingTopic {

    /**
     * Appends the record to partition {@code partition} of the waiting topic, keyed by its tenant, and
     * returns its offset once the broker has it; a {@code KafkaSendFailedException} otherwise.
     *
     * @param cycles       how often it went back to the tail before (0 when it first comes)
     * @param waitingSince when it first came
     */
    long append(int partition, String tenantId, CenterpointEvent value, int cycles, Instant waitingSince);
}
