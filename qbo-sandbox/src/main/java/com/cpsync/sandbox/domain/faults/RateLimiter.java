package com.cpsync.sandbox.domain.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** Sliding-window limits of one realm (requests per second and minute, batches per minute). */
public final class RateLimiter {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final Deque<Instant> requests = new ArrayDeque<>();
    private final Deque<Instant> batches = new ArrayDeque<>();

    /** Admits a request, or says how long until one would be admitted. */
    public synchronized Optional<Duration> tryAcquire(Instant now, int perSecond, int perMinute) {
        evictOlderThan(requests, now.minus(MINUTE));
        long inLastSecond = requests.stream().filter(t -> t.isAfter(now.minus(SECOND))).count();
        if (inLastSecond >= perSecond) {
            return Optional.of(SECOND);
        }
        if (requests.size() >= perMinute) {
            return Optional.of(Duration.between(now, requests.peekFirst().plus(MINUTE)));
        }
        requests.addLast(now);
        return Optional.empty();
    }

    public synchronized Optional<Duration> tryAcquireBatch(Instant now, int perMinute) {
        evictOlderThan(batches, now.minus(MINUTE));
        if (batches.size() >= perMinute) {
            return Optional.of(Duration.between(now, batches.peekFirst().plus(MINUTE)));
        }
        batches.addLast(now);
        return Optional.empty();
    }

    public synchronized void reset() {
        requests.clear();
        batches.clear();
    }

    private static void evictOlderThan(Deque<Instant> window, Instant cutoff) {
        while (!window.isEmpty() && !window.peekFirst().isAfter(cutoff)) {
            window.removeFirst();
        }
    }
}
