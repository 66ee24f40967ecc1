package com.cpsync.inbound.adapter.out.http;

import java.time.Duration;
import java.util.Optional;

import com.cpsync.qbo.client.QboFaultException;
import com.cpsync.qbo.client.RealmBusyException;

/** How long a failed QBO call asks its realm to wait before the next one, read from the failure and its causes. */
public final class QboWaits {

    private QboWaits() {
    }

    /**
     * QBO's own Retry-After (429, 503), QBO's documented 60 s for a throttle without one, or the wait of
     * the client's own rate limiter; empty when the failure asks for no wait (the caller's back-off decides).
     */
    public static Optional<Duration> askedFor(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RealmBusyException busy) {
                return Optional.of(busy.retryAfter());
            }
            if (cause instanceof QboFaultException fault) {
                return fault.retryAfter();
            }
        }
        return Optional.empty();
    }
}
