package com.cpsync.outbound.application.port;

/** Writes outcomes durably (returns only once the broker has them). */
public interface OutcomePublisher {

    void publish(SyncOutcomeRecord outcome);
}
