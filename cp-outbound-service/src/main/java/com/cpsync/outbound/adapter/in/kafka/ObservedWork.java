package com.cpsync.outbound.adapter.in.kafka;

import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import com.cpsync.outbound.adapter.in.kafka.work.WorkTrace;

/**
 * Captures the listener's observation (the Kafka consumer span, child of the producer's {@code traceparent})
 * when a record is taken in; the work later runs as a child observation {@value #NAME} of it.
 */
public final class ObservedWork {

    public static final String NAME = "cp-outbound.event";

    private ObservedWork() {
    }

    /** The trace of the calling thread (the listener's); NONE when nothing is observed. */
    public static WorkTrace capture(ObservationRegistry registry) {
        Observation consumed = registry.getCurrentObservation();
        if (registry.isNoop()) {
            return WorkTrace.NONE;
        }
        return new WorkTrace() {
            @Override
            public <T> T within(Supplier<T> work) {
                return Observation.createNotStarted(NAME, registry).parentObservation(consumed)
                        .contextualName("handle event").observe(work);
            }
        };
    }
}
