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
                return wait.hint() != null ? wait.hint() : busyWait;
            case DISCONNECTED:
                return disconnectedPoll;
            default:
                Duration backoff = initialBackoff.multipliedBy(1L << Math.min(earlierAttempts, 16));
                Duration capped = backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
                return wait.hint() != null && wait.hint().compareTo(capped) > 0 ? wait.hint() : capped;
        }
    }
}
