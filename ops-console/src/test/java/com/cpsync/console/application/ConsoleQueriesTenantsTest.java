package com.cpsync.console.application;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.cpsync.console.application.port.RealmBudgetSource;
import com.cpsync.console.domain.outcome.TopicPosition;
import com.cpsync.console.domain.tenant.RealmBudget;
import com.cpsync.console.domain.tenant.TenantRow;
import com.cpsync.console.domain.tenant.TenantSummary;
import com.cpsync.console.domain.tenant.WorkStatus;

import static org.assertj.core.api.Assertions.assertThat;

/** The tenants list's work status and budget columns, with fakes of the ports (no mapping-service: UNKNOWN). */
class ConsoleQueriesTenantsTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private final List<String> budgetAsks = new ArrayList<>();
    private final WorkStatus parked = new WorkStatus("t1", "r1", WorkStatus.State.PARKED, "REALM_BUSY",
            NOW.plusSeconds(2), "cp-outbound-0", NOW, new TopicPosition("cp-outbound.tenant-status.v1", 0, 1));

    @Test
    void shouldShowEachTenantsWorkStatusAndItsRealmsBudget() {
        List<TenantRow> rows = queries(realmId -> {
            budgetAsks.add(realmId);
            return RealmBudget.shared(500, 500, 20, 20, false);
        }).tenants();

        assertThat(rows).extracting(TenantRow::workDetail)
                .containsExactly("parked (REALM_BUSY) until 2026-11-30T12:00:02Z, 2 s from now (cp-outbound-0)",
                        "no park seen", "no park seen");
        assertThat(rows).extracting(row -> row.budget().detail()).containsExactly(
                "minute limit 500 (AIMD), no call yet", "minute limit 500 (AIMD), no call yet", "no realm known");
        assertThat(budgetAsks).as("one read per realm").containsExactly("r1");
    }

    @Test
    void shouldAskNoFurtherRealmOnceTheBudgetsDatabaseFailed() {
        List<TenantRow> rows = queries(realmId -> {
            budgetAsks.add(realmId);
            throw new IllegalStateException("connection refused");
        }, summary("t1", "r1"), summary("t2", "r2")).tenants();

        assertThat(rows).extracting(row -> row.budget().detail())
                .containsOnly("budget not readable: connection refused");
        assertThat(budgetAsks).containsExactly("r1");
    }

    private ConsoleQueries queries(RealmBudgetSource budgets) {
        return queries(budgets, summary("t1", "r1"), summary("t2", "r1"), summary("t3", null));
    }

    private ConsoleQueries queries(RealmBudgetSource budgets, TenantSummary... tenants) {
        InMemoryResolutions outcomes = new InMemoryResolutions();
        outcomes.tenants.addAll(List.of(tenants));
        InMemoryTenantStatuses statuses = new InMemoryTenantStatuses();
        statuses.put(parked);
        return new ConsoleQueries(outcomes, null, null, null, () -> {
            throw new IllegalStateException("mapping-service down");
        }, statuses, budgets, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static TenantSummary summary(String tenantId, String realmId) {
        return new TenantSummary(tenantId, realmId, NOW, "SYNCED", Map.of("SYNCED", 1L), 0);
    }
}
