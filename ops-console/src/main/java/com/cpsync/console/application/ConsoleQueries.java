package com.cpsync.console.application;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.cpsync.console.application.port.AuditLog;
import com.cpsync.console.application.port.ConsumerLagSource;
import com.cpsync.console.application.port.DeadLetterStore;
import com.cpsync.console.application.port.OutcomeIndex;
import com.cpsync.console.domain.audit.AuditEntry;
import com.cpsync.console.domain.deadletter.DeadLetter;
import com.cpsync.console.domain.lag.PartitionLagView;
import com.cpsync.console.domain.outcome.OutcomeSearch;
import com.cpsync.console.domain.outcome.TrailEntry;
import com.cpsync.console.domain.tenant.TenantSummary;

/** What the pages and the API read; the same answers for both. */
public record ConsoleQueries(OutcomeIndex outcomes, DeadLetterStore deadLetterStore, ConsumerLagSource lagSource,
                             AuditLog auditLog, Clock clock) {

    private static final Duration LAST_DAY = Duration.ofDays(1);
    private static final int LIST_LIMIT = 500;

    public List<TenantSummary> tenants() {
        return outcomes.tenants(clock.instant().minus(LAST_DAY));
    }

    /** @throws UnknownTenantException when nothing of the tenant is indexed, neither an outcome nor a dead letter */
    public void requireKnown(String tenantId) {
        if (!outcomes.knowsTenant(tenantId)) {
            throw new UnknownTenantException(tenantId);
        }
    }

    public List<TrailEntry> trail(OutcomeSearch search) {
        return outcomes.search(search);
    }

    public List<TrailEntry> heldConflicts(String tenantId) {
        return outcomes.heldConflicts(tenantId);
    }

    /** @param tenantId null for every tenant's */
    public List<DeadLetter> deadLetters(String tenantId) {
        return deadLetterStore.list(tenantId, LIST_LIMIT);
    }

    public List<PartitionLagView> lag() {
        return lagSource.all();
    }

    public List<AuditEntry> audit() {
        return auditLog.latest(LIST_LIMIT);
    }
}
