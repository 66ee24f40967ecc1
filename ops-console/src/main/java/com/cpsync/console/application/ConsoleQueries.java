package com.cpsync.console.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
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
import com.cpsync.console.application.port.RealmBudgetSource;
import com.cpsync.console.application.port.TenantStatusStore;
import com.cpsync.console.domain.audit.AuditEntry;
import com.cpsync.console.domain.deadletter.DeadLetter;
import com.cpsync.console.domain.lag.PartitionLagView;
import com.cpsync.console.domain.outcome.OutcomeSearch;
import com.cpsync.console.domain.outcome.TrailEntry;
import com.cpsync.console.domain.tenant.Connection;
import com.cpsync.console.domain.tenant.ConnectionState;
import com.cpsync.console.domain.tenant.RealmBudget;
import com.cpsync.console.domain.tenant.TenantRow;
import com.cpsync.console.domain.tenant.TenantSummary;
import com.cpsync.console.domain.tenant.WorkStatus;

/** What the pages and the API read; the same answers for both. */
public record ConsoleQueries(OutcomeIndex outcomes, DeadLetterStore deadLetterStore, ConsumerLagSource lagSource,
                             AuditLog auditLog, ConnectionSource connectionSource, TenantStatusStore statusStore,
                             RealmBudgetSource budgetSource, Clock clock) {

    private static final Duration LAST_DAY = Duration.ofDays(1);
    private static final int LIST_LIMIT = 500;
    private static final String NEVER_PARKED = "no park seen";

    /**
     * Every indexed tenant with its QBO connection, its work status and its realm's budget; mapping-service or the
     * budget's database not answering leaves the rest intact.
     */
    public List<TenantRow> tenants() {
        Instant now = clock.instant();
        List<TenantSummary> summaries = outcomes.tenants(now.minus(LAST_DAY));
        Function<TenantSummary, Connection> connection = connections(now);
        Map<String, WorkStatus> statuses = statusStore.all();
        Function<String, RealmBudget> budget = budgets();
        return summaries.stream().map(summary -> {
            WorkStatus status = statuses.get(summary.tenantId());
            String realmId = summary.realmId() != null ? summary.realmId() : status == null ? null : status.realmId();
            return new TenantRow(summary, connection.apply(summary), status,
                    status == null ? NEVER_PARKED : status.describe(now),
                    realmId == null ? RealmBudget.noRealm() : budget.apply(realmId));
        }).toList();
    }

    private Function<TenantSummary, Connection> connections(Instant now) {
        try {
            Map<String, ConnectionState> connections = connectionSource.connections().stream()
                    .collect(Collectors.toMap(ConnectionState::tenantId, Function.identity(), (a, b) -> a));
            return summary -> Connection.of(Optional.ofNullable(connections.get(summary.tenantId())), now);
        }
        catch (RuntimeException unavailable) {
            Connection unknown = Connection.unknown(String.valueOf(unavailable.getMessage()));
            return summary -> unknown;
        }
    }

    /** Each realm read once per page; after a failure the rest are not asked (each would wait for the same timeout). */
    private Function<String, RealmBudget> budgets() {
        Map<String, RealmBudget> read = new HashMap<>();
        RealmBudget[] unreadable = new RealmBudget[1];
        return realmId -> read.computeIfAbsent(realmId, id -> {
            if (unreadable[0] != null) {
                return unreadable[0];
            }
            try {
                return budgetSource.of(id);
            }
            catch (RuntimeException ex) {
                unreadable[0] = RealmBudget.unknown(String.valueOf(ex.getMessage()));
                return unreadable[0];
            }
        });
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
