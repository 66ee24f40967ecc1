package com.cpsync.console.domain.tenant;

import java.time.Duration;
import java.time.Instant;

import com.cpsync.console.domain.outcome.TopicPosition;

/**
 * A tenant's latest state on cp-outbound-service, as its status topic tells it: PARKED (with the reason and when its
 * next event is tried) or RUNNING, written by {@code instance}; {@code position} is where the record sat.
 */
public record WorkStatus(String tenantId, String realmId, State state, String reason, Instant until, String instance,
                         Instant changedAt, TopicPosition position) {

    public enum State { PARKED, RUNNING }

    /**
     * Whether this record replaces {@code stored}: a record later in the log of the same partition does (a key stays
     * on its partition, so the log's order is the writers' order whatever their clocks); a redelivered or older one
     * does not. Another partition (the topic was given more partitions) is taken as newer.
     */
    public boolean supersedes(WorkStatus stored) {
        return stored == null || stored.position().partition() != position.partition()
                || position.offset() > stored.position().offset();
    }

    /** "parked (THROTTLED) until …, 42 s from now", "running", or a park that is over but not yet followed. */
    public String describe(Instant now) {
        if (state == State.RUNNING) {
            return "running (since " + changedAt + ", " + instance + ")";
        }
        String parked = "parked (" + reason + ") until " + until;
        if (until != null && until.isAfter(now)) {
            return parked + ", " + seconds(Duration.between(now, until)) + " from now (" + instance + ")";
        }
        return parked + "; due, tried again when a worker takes it (" + instance + ")";
    }

    private static String seconds(Duration duration) {
        long seconds = Math.max(1, duration.toSeconds());
        return seconds < 120 ? seconds + " s" : duration.toMinutes() + " min";
    }
}
