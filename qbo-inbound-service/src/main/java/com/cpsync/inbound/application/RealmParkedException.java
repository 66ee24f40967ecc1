package com.cpsync.inbound.application;

import java.time.Duration;

/**
 * A change of the retry topic whose realm is still parked: QBO is not called for it. The retry
 * container backs off for at least the rest of the parking and delivers the record again.
 */
public class RealmParkedException extends RuntimeException {

    private final Duration remaining;

    public RealmParkedException(String realmId, Duration remaining) {
        super("realm " + realmId + " is parked for another " + remaining.toMillis() + " ms");
        this.remaining = remaining;
    }

    public Duration remaining() {
        return remaining;
    }
}
