package com.cpsync.outbound.application.port;

import java.time.Instant;

/**
 * A tenant parked (its next event waits until {@code until}, for {@code reason}) or running again (its first
 * event after a park completed).
 */
public record TenantStatusChange(String tenantId, State state, String reason, Instant until, Instant changedAt) {

    public enum State { PARKED, RUNNING }

    public static TenantStatusChange parked(String tenantId, String reason, Instant until, Instant changedAt) {
        return new TenantStatusChange(tenantId, State.PARKED, reason, until, changedAt);
    }

    public static TenantStatusChange running(String tenantId, Instant changedAt) {
        return new TenantStatusChange(tenantId, State.RUNNING, null, null, changedAt);
    }
}
