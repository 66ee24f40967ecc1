package com.cpsync.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Real time that tests can move on or stop (token expiry, rate windows, the CDC look-back); unlike
 * {@link MutableClock} it runs by itself. qbo-sandbox uses one registered as a bean
 * (e.g. {@code sandboxClock}) before refresh instead of the system clock: {@code InProcessPeers} does that.
 */
public final class AdjustableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;
    private volatile Instant frozenAt;

    public void advance(Duration amount) {
        if (frozenAt != null) {
            frozenAt = frozenAt.plus(amount);
        } else {
            offset = offset.plus(amount);
        }
    }

    public void freeze() {
        frozenAt = instant();
    }

    public void unfreeze() {
        if (frozenAt != null) {
            offset = Duration.between(Instant.now(), frozenAt);
            frozenAt = null;
        }
    }

    @Override
    public Instant instant() {
        Instant frozen = frozenAt;
        return frozen != null ? frozen : Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the sandbox clock is always UTC");
    }
}
