package com.cpsync.syncsupport.budget;

import java.time.Duration;

/**
 * The shared realm budget ({@code app.qbo.budget.*}): QBO's limits per realm, this JVM's share of the
 * concurrent calls, how long a caller may wait, the backlog's reserve and the AIMD floor and step.
 */
public record RealmBudgetSettings(int requestsPerSecond, int requestsPerMinute, int batchesPerMinute,
        int concurrentRequests, Duration maxWait, BacklogReserve backlogReserve, int floorPerMinute,
        int recoveryPerMinute) {

    public BudgetShape shape() {
        return BudgetShape.of(requestsPerSecond, requestsPerMinute, batchesPerMinute);
    }

    public AimdPolicy aimd() {
        return AimdPolicy.of(requestsPerMinute, floorPerMinute, recoveryPerMinute);
    }
}
