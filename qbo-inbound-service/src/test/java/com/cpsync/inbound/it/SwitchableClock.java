package com.cpsync.inbound.it;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import com.cpsync.testsupport.MutableClock;

/**
 * The app's clock in the ITs: real time (the sandbox and mapping-service keep theirs), or, while a test
 * needs this service's time to stand still and move by hand (a throttled realm's 60 s of parking), an
 * adjustable clock pinned at the moment the test took it.
 */
final class SwitchableClock extends Clock {

    private volatile Clock current = Clock.systemUTC();

    /** From now on this service's time moves only when the test advances the returned clock. */
    MutableClock pinNow() {
        MutableClock pinned = new MutableClock(Instant.now());
        current = pinned;
        return pinned;
    }

    void backToRealTime() {
        current = Clock.systemUTC();
    }

    @Override
    public Instant instant() {
        return current.instant();
    }

    @Override
    public ZoneId getZone() {
        return current.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
