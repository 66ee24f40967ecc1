package com.cpsync.outbound.adapter.in.kafka.work;

import java.util.function.Supplier;

/**
 * The trace a record was consumed in. Records are consumed on the listener thread but handled later on a
 * worker (or a waiting lane), where the listener's trace context no longer is: each item carries its own
 * and the worker re-enters it, so QBO calls, mapping-service calls, outcomes and log lines of the event
 * share the event's trace id.
 */
public interface WorkTrace {

    /** Untraced: the work runs as it is. */
    WorkTrace NONE = new WorkTrace() {
        @Override
        public <T> T within(Supplier<T> work) {
            return work.get();
        }
    };

    /** Runs {@code work} inside the item's trace and returns its result. */
    <T> T within(Supplier<T> work);

    default void run(Runnable work) {
        within(() -> {
            work.run();
            return null;
        });
    }
}
