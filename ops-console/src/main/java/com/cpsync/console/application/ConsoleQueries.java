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
public class ConsoleQueries {

    private static final Duration LAST_DAY = Duration.ofDays(1);
    private static final int LIST_LIMIT = 500;

    private final OutcomeIndex outcomes;
    private final DeadLetterStore deadLetters;
    private final ConsumerLagSource lag;
    private final AuditLog audit;
    private final Clock clock;

    public ConsoleQueries(OutcomeIndex outcomes, DeadLetterStore deadLetters, ConsumerLagSource lag, AuditLog audit,
            Clock clock) {
        this.outcomes = outcomes;
        this.deadLetters = deadLetters;
        this.lag = lag;
        this.audit = audit;
        this.clock = clock;
    }

    public List<TenantSummary> tenants() {
        return outcomes.tenants(clock.instant().minus(LAST_DAY));
    }

    public boolean knowsTenant(String tenantId) {
        return outcomes.knowsTenant(tenantId);
    }

    public List<TrailEntry> trail(OutcomeSearch search) {
        return outcomes.search(search);
    }

    public List<TrailEntry> heldConflicts(String tenantId) {
        return outcomes.heldConflicts(tenantId);
    }

    /** @param tenantId null for every tenant's */
    public List<DeadLetter> deadLetters(String tenantId) {
        return deadLetters.list(tenantId, LIST_LIMIT);
    }

    public List<PartitionLagView> lag() {
        return lag.all();
    }

    public List<AuditEntry> audit() {
        return audit.latest(LIST_LIMIT);
    }
}
