package com.cpsync.console.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.cpsync.console.application.port.AuditLog;
import com.cpsync.console.application.port.ConnectionSource;
import com.cpsync.console.application.port.ConsumerLagSource;
import com.cpsync.console.application.port.DeadLetterStore;
import com.cpsync.console.application.port.OutcomeIndex;
import com.cpsync.console.domain.audit.AuditEntry;
import com.cpsync.console.domain.deadletter.DeadLetter;
import com.cpsync.console.domain.lag.PartitionLagView;
import com.cpsync.console.domain.outcome.OutcomeSearch;
import com.cpsync.console.domain.outcome.TrailEntry;
import com.cpsync.console.domain.tenant.Connection;
import com.cpsync.console.domain.tenant.ConnectionState;
import com.cpsync.console.domain.tenant.TenantRow;
import com.cpsync.console.domain.tenant.TenantSummary;

/** What the pages and the API read; the same answers for both. */
public record ConsoleQueries(OutcomeIndex outcomes, DeadLetterStore deadLetterStore, ConsumerLagSource lagSource,
                             AuditLog auditLog, ConnectionSource connectionSource, Clock clock) {

    private static final Duration LAST_DAY = Duration.ofDays(1);
    private static final int LIST_LIMIT = 500;

    /** Every indexed tenant with its QBO connection; mapping-service not answering leaves the rest intact. */
    public List<TenantRow> tenants() {
        Instant now = clock.instant();
        List<TenantSummary> summaries = outcomes.tenants(now.minus(LAST_DAY));
        Map<String, ConnectionState> connections;
        try {
            connections = connectionSource.connections().stream()
                    .collect(Collectors.toMap(ConnectionState::tenantId, Function.identity(), (a, b) -> a));
        }
        catch (RuntimeException unavailable) {
            Connection unknown = Connection.unknown(String.valueOf(unavailable.getMessage()));
            return summaries.stream().map(summary -> new TenantRow(summary, unknown)).toList();
        }
        return summaries.stream().map(summary -> new TenantRow(summary,
                Connection.of(Optional.ofNullable(connections.get(summary.tenantId())), now))).toList();
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
