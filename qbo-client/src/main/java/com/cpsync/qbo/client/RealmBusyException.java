package com.cpsync.qbo.client;

import java.time.Duration;

/**
 * The realm's rate or concurrency budget is used up for longer than the limiter may block.
 * Not a QBO fault: no request was sent. Park this realm's work for {@link #retryAfter()} and serve others.
 */
public class RealmBusyException extends RuntimeException {

    private final Duration retryAfter;

    public RealmBusyException(String realmId, Duration retryAfter, String reason) {
        super("QBO realm " + realmId + " is busy (" + reason + "); retry after " + retryAfter.toMillis() + " ms");
        this.retryAfter = retryAfter;
    }

    /** How long until a permit is expected to be free. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
