package com.cpsync.outbound.application;

import java.util.Set;

import com.cpsync.outbound.application.port.OutcomePublisher;
import com.cpsync.outbound.application.port.SyncOutcomeRecord;
import com.cpsync.outbound.application.port.SyncOutcomeRecord.Result;

/**
 * Publishes outcomes and remembers which event ended FAILED for which entity, so that the use case does not take a
 * refused change for the state later events are compared with. Chaos run 11: an invoice update refused (its lines
 * did not add up) was remembered all the same; the event, delivered again after a rebalance, found "no invoice
 * field changed" and reported SYNCED while QBO kept the older invoice. Bounded: a FAILED outcome of a parent,
 * published under its child's event, is never asked for and ages out.
 */
public class FailedEndings implements OutcomePublisher {

    private static final int KEPT = 10_000;

    private final OutcomePublisher outcomes;
    private final Set<String> failed = Recent.set(KEPT);

    public FailedEndings(OutcomePublisher outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public void publish(SyncOutcomeRecord outcome) {
        outcomes.publish(outcome);
        if (outcome.result() == Result.FAILED) {
            failed.add(key(outcome.causationId(), outcome.centerpointId()));
        }
    }

    /** Whether the event ended FAILED for this entity; asked once (forgotten after). */
    public boolean takeFailed(String eventId, String centerpointId) {
        return failed.remove(key(eventId, centerpointId));
    }

    private static String key(String eventId, String centerpointId) {
        return eventId + "|" + centerpointId;
    }
}
