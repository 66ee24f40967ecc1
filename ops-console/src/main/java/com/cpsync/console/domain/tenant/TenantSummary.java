package com.cpsync.console.domain.tenant;

import java.time.Instant;
import java.util.Map;

/**
 * A tenant on the tenants page: its realm, its last outcome, how its last day ended (count per result) and how
 * many of its dead letters wait for a replay.
 */
public record TenantSummary(String tenantId, String realmId, Instant lastOutcomeAt, String lastResult,
                            Map<String, Long> lastDayByResult, long openDeadLetters) {

    public TenantSummary {
        lastDayByResult = Map.copyOf(lastDayByResult);
    }
}
