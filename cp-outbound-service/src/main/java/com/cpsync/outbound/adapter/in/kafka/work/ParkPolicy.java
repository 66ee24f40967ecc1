package com.cpsync.outbound.adapter.in.kafka.work;

import java.time.Duration;

import com.cpsync.outbound.application.port.TenantMustWait;

/** How long a tenant waits, by reason and by how often its head item has already waited. */
public record ParkPolicy(Duration throttleWait, Duration busyWait, Duration initialBackoff, Duration maxBackoff,
        Duration disconnectedPoll) {

    public Duration waitFor(TenantMustWait wait, int earlierAttempts) {
        switch (wait.reason()) {
            case THROTTLED:
                return wait.hint() != null ? wait.hint() : throttleWait;
            case REALM_BUSY:
                // the hint frees one permit, but a retried event asks again for every call it made: waiting
                // only for the next permit can repeat for ever, so each further wait doubles until the
                // limiter's window has room for the whole event; a minute's window has room for any event, so
                // a busy realm never waits longer than a throttled one (chaos run 7: five minutes starved a
                // catching-up backlog)
                Duration busy = doubled(wait.hint() != null ? wait.hint() : busyWait, earlierAttempts);
                return busy.compareTo(throttleWait) > 0 ? throttleWait : busy;
            case DISCONNECTED:
                return disconnectedPoll;
            default:
                Duration capped = doubled(initialBackoff, earlierAttempts);
                return wait.hint() != null && wait.hint().compareTo(capped) > 0 ? wait.hint() : capped;
        }
    }

    /** {@code first} doubled for each earlier attempt, at most {@code maxBackoff} (or {@code first} if longer). */
    private Duration doubled(Duration first, int earlierAttempts) {
        Duration backoff = first.multipliedBy(1L << Math.min(earlierAttempts, 16));
        Duration cap = first.compareTo(maxBackoff) > 0 ? first : maxBackoff;
        return backoff.compareTo(cap) > 0 ? cap : backoff;
    }
}
