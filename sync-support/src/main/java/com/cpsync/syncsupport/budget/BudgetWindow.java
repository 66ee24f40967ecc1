package com.cpsync.syncsupport.budget;

import java.time.Duration;

/**
 * One of a realm's limits as a token bucket: {@code burst} tokens at most, refilled evenly by
 * {@code limit - burst} per {@code period}. QBO counts calls in a sliding window; a bucket lets through at most
 * its capacity plus what refills in any window, so capacity + refill = limit keeps every window within QBO's
 * limit, and the small burst leaves room for a send's jitter (see docs/performance.md).
 */
public record BudgetWindow(int limit, int burst, Duration period) {

    public BudgetWindow {
        if (limit < 2 || burst < 1 || burst >= limit) {
            throw new IllegalArgumentException("a window needs 1 <= burst < limit: burst " + burst + ", limit " + limit);
        }
    }

    /** A window of {@code limit} whose burst is {@code 1/burstDivisor} of it (at least 1 token). */
    public static BudgetWindow of(int limit, Duration period, int burstDivisor) {
        return new BudgetWindow(limit, Math.max(1, limit / burstDivisor), period);
    }

    public int refill() {
        return limit - burst;
    }

    /** How long one token takes to refill: the natural pause after a refusal. */
    public long nanosPerToken() {
        return period.toNanos() / refill();
    }
}
