package com.cpsync.qbo.client;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Enforces QBO's per-realm limits before a call is sent (sliding windows of call start times plus
 * a concurrency count). It blocks a caller for at most {@link RealmLimits#maxWait()} and otherwise
 * throws {@link RealmBusyException}, so one throttled tenant never holds a consumer thread for long.
 * Limits hold within one JVM only, and every caller is served alike ({@link CallPriority} is not looked at):
 * the default {@link RealmBudget} when no shared one is configured.
 */
public class RealmRateLimiter implements RealmBudget {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();
    private static final long MINUTE = Duration.ofMinutes(1).toNanos();
    private static final long CONCURRENCY_POLL = Duration.ofMillis(5).toNanos();
    /** No way to know when an in-flight call ends: suggest a short pause. */
    private static final Duration CONCURRENCY_RETRY_HINT = Duration.ofMillis(100);

    private final RealmLimits limits;
    private final TimeSource time;
    private final Map<String, RealmWindow> realms = new ConcurrentHashMap<>();

    public RealmRateLimiter(RealmLimits limits) {
        this(limits, TimeSource.SYSTEM);
    }

    public RealmRateLimiter(RealmLimits limits, TimeSource time) {
        this.limits = limits;
        this.time = time;
    }

    @Override
    public Permit acquire(String realmId, CallPriority priority, boolean batch) {
        return acquire(realmId, batch);
    }

    /** A permit for one ordinary call; close it (try-with-resources) when the call ends. */
    public Permit acquire(String realmId) {
        return acquire(realmId, false);
    }

    /** A permit for one batch call: counts as a request and against the batch budget. */
    public Permit acquireBatch(String realmId) {
        return acquire(realmId, true);
    }

    private Permit acquire(String realmId, boolean batch) {
        RealmWindow window = realms.computeIfAbsent(realmId, id -> new RealmWindow());
        long deadline = time.nanoTime() + limits.maxWait().toNanos();
        while (true) {
            long now = time.nanoTime();
            long rateWait;
            boolean full;
            synchronized (window) {
                window.prune(now);
                rateWait = window.rateWait(now, batch);
                full = window.inFlight >= limits.concurrentRequests();
                if (rateWait == 0 && !full) {
                    window.start(now, batch);
                    return new Permit(window);
                }
            }
            if (rateWait > 0) {
                if (now + rateWait > deadline) {
                    throw new RealmBusyException(realmId, Duration.ofNanos(rateWait), "request rate limit");
                }
                time.sleepNanos(rateWait);
            }
            else {
                if (now >= deadline) {
                    throw new RealmBusyException(realmId, CONCURRENCY_RETRY_HINT, "concurrent request limit");
                }
                time.sleepNanos(Math.min(CONCURRENCY_POLL, deadline - now));
            }
        }
    }

    /** One granted call; closing it frees its concurrency slot (idempotent). */
    public static final class Permit implements RealmBudget.Permit {

        private final RealmWindow window;
        private boolean released;

        private Permit(RealmWindow window) {
            this.window = window;
        }

        @Override
        public void close() {
            synchronized (window) {
                if (!released) {
                    released = true;
                    window.inFlight--;
                }
            }
        }
    }

    private final class RealmWindow {

        private final Deque<Long> starts = new ArrayDeque<>();
        private final Deque<Long> batchStarts = new ArrayDeque<>();
        private int inFlight;

        void prune(long now) {
            while (!starts.isEmpty() && starts.peekFirst() <= now - MINUTE) {
                starts.pollFirst();
            }
            while (!batchStarts.isEmpty() && batchStarts.peekFirst() <= now - MINUTE) {
                batchStarts.pollFirst();
            }
        }

        long rateWait(long now, boolean batch) {
            long wait = Math.max(waitFor(starts, limits.requestsPerSecond(), SECOND, now),
                    waitFor(starts, limits.requestsPerMinute(), MINUTE, now));
            return batch ? Math.max(wait, waitFor(batchStarts, limits.batchesPerMinute(), MINUTE, now)) : wait;
        }

        void start(long now, boolean batch) {
            starts.addLast(now);
            if (batch) {
                batchStarts.addLast(now);
            }
            inFlight++;
        }

        /** 0 when fewer than {@code limit} starts lie in the window, else the time until the oldest of the newest {@code limit} leaves it. */
        private long waitFor(Deque<Long> log, int limit, long window, long now) {
            int seen = 0;
            for (Iterator<Long> newestFirst = log.descendingIterator(); newestFirst.hasNext(); ) {
                long start = newestFirst.next();
                if (start <= now - window) {
                    return 0;
                }
                if (++seen == limit) {
                    return start + window - now;
                }
            }
            return 0;
        }
    }
}
