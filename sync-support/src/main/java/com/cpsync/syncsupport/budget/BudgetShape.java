package com.cpsync.syncsupport.budget;

import java.time.Duration;

/**
 * A realm's request budget as windows: per second and per minute (one bucket, both limits at once) and the
 * batch calls per minute (a bucket of their own). The minute's limit is the adaptive one (see {@link AimdPolicy}).
 */
public record BudgetShape(BudgetWindow second, BudgetWindow minute, BudgetWindow batches) {

    /** A fifth of a second's limit may come at once (2 of 10: 8/s sustained, 480/min). */
    private static final int SECOND_BURST_DIVISOR = 5;
    /** A 25th of a minute's (20 of 500: 480/min sustained, as the second allows). */
    private static final int MINUTE_BURST_DIVISOR = 25;
    private static final int BATCH_BURST_DIVISOR = 20;

    public static BudgetShape of(int requestsPerSecond, int requestsPerMinute, int batchesPerMinute) {
        return new BudgetShape(BudgetWindow.of(requestsPerSecond, Duration.ofSeconds(1), SECOND_BURST_DIVISOR),
                BudgetWindow.of(requestsPerMinute, Duration.ofMinutes(1), MINUTE_BURST_DIVISOR),
                BudgetWindow.of(batchesPerMinute, Duration.ofMinutes(1), BATCH_BURST_DIVISOR));
    }

    /** The same shape with the minute's limit at {@code requestsPerMinute} (after an AIMD step). */
    public BudgetShape withRequestsPerMinute(int requestsPerMinute) {
        return new BudgetShape(second,
                BudgetWindow.of(requestsPerMinute, Duration.ofMinutes(1), MINUTE_BURST_DIVISOR), batches);
    }
}
