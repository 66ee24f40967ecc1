package com.cpsync.qbo.client;

import java.time.Duration;

/**
 * QBO's per-realm limits (facts §7) and how long {@link RealmRateLimiter#acquire} may block.
 *
 * @param requestsPerSecond at most this many calls started in any second (QBO: 10)
 * @param requestsPerMinute at most this many calls started in any minute (QBO: 500)
 * @param concurrentRequests at most this many calls in flight at once (QBO: 10)
 * @param batchesPerMinute at most this many batch calls started in any minute (QBO: 40)
 * @param maxWait the longest a caller is blocked before {@link RealmBusyException}
 */
public record RealmLimits(int requestsPerSecond, int requestsPerMinute, int concurrentRequests,
        int batchesPerMinute, Duration maxWait) {

    public RealmLimits {
        if (requestsPerSecond < 1 || requestsPerMinute < 1 || concurrentRequests < 1 || batchesPerMinute < 1) {
            throw new IllegalArgumentException("QBO realm limits must be positive");
        }
        if (maxWait == null || maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must be zero or positive");
        }
    }

    /** 10/s, 500/min, 10 concurrent, 40 batches/min, wait at most 250 ms. */
    public static RealmLimits qboDefaults() {
        return new RealmLimits(10, 500, 10, 40, Duration.ofMillis(250));
    }

    public RealmLimits withMaxWait(Duration wait) {
        return new RealmLimits(requestsPerSecond, requestsPerMinute, concurrentRequests, batchesPerMinute, wait);
    }
}
