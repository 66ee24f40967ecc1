package com.cpsync.console.it;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.cpsync.qbo.client.CallPriority;
import com.cpsync.qbo.client.TimeSource;
import com.cpsync.schemas.Topics;
import com.cpsync.schemas.avro.SyncEntityType;
import com.cpsync.schemas.avro.SyncResult;
import com.cpsync.schemas.avro.TenantWorkState;
import com.cpsync.syncsupport.budget.BacklogReserve;
import com.cpsync.syncsupport.budget.PostgresRealmBudget;
import com.cpsync.syncsupport.budget.RealmBudgetSettings;

import static com.cpsync.console.it.Records.aTenantStatus;
import static com.cpsync.console.it.Records.anOutcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The tenants list's work status (cp-outbound-service's records on {@code cp-outbound.tenant-status.v1}, through the
 * broker into PostgreSQL) and the QBO budget of the tenant's realm (the sync services' shared budget in PostgreSQL).
 */
class TenantStatusIT extends ConsoleItBase {

    @Test
    void shouldShowAParkedTenantWithItsReasonAndUntilThenRunningAgain() {
        // timestamp-millis on the topic
        Instant parkedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant until = parkedAt.plus(Duration.ofMinutes(5));
        publish(Topics.SYNC_OUTCOMES, tenant, anOutcome(tenant, SyncEntityType.COMPANY, "co-1", "58",
                SyncResult.SYNCED, null, parkedAt));
        publish(Topics.CP_OUTBOUND_TENANT_STATUS, tenant,
                aTenantStatus(tenant, TenantWorkState.PARKED, "THROTTLED", until, parkedAt));

        await().atMost(WAIT).untilAsserted(() -> assertThat(workState()).isEqualTo("PARKED"));

        JsonNode parked = work();
        assertThat(parked.get("reason").asString()).isEqualTo("THROTTLED");
        assertThat(Instant.parse(parked.get("until").asString())).isEqualTo(until);
        assertThat(parked.get("instance").asString()).isEqualTo("cp-outbound-0");
        assertThat(parked.get("detail").asString()).startsWith("parked (THROTTLED) until " + until);

        publish(Topics.CP_OUTBOUND_TENANT_STATUS, tenant,
                aTenantStatus(tenant, TenantWorkState.RUNNING, null, null, until));
        await().atMost(WAIT).untilAsserted(() -> assertThat(workState()).isEqualTo("RUNNING"));
        assertThat(work().get("reason").isNull()).isTrue();
    }

    @Test
    void shouldShowTheRealmsSharedBudgetAsAimdLeftIt() {
        String realm = "realm-" + tenant;
        publish(Topics.SYNC_OUTCOMES, tenant, anOutcome(tenant, SyncEntityType.COMPANY, "co-1", "58",
                SyncResult.SYNCED, null, Instant.now()));
        await().atMost(WAIT).untilAsserted(() -> assertThat(row()).isNotNull());
        assertThat(row().get("budget").get("detail").asString()).isEqualTo("minute limit 500 (AIMD), no call yet");

        // a sync service's budget on the same database meets a throttle: the realm's minute limit halves
        PostgresRealmBudget service = new PostgresRealmBudget(budgetDatabase(), new RealmBudgetSettings(10, 500, 40, 5,
                Duration.ZERO, new BacklogReserve(1, 10), 50, 50), Clock.systemUTC(), TimeSource.SYSTEM);
        service.acquire(realm, CallPriority.LIVE, false).close();
        service.onThrottled(realm);

        JsonNode budget = row().get("budget");
        assertThat(budget.get("status").asString()).isEqualTo("SHARED");
        assertThat(budget.get("perMinute").asInt()).isEqualTo(250);
        assertThat(budget.get("qboPerMinute").asInt()).isEqualTo(500);
        assertThat(budget.get("minuteBurst").asInt()).isEqualTo(10);
        assertThat(budget.get("detail").asString())
                .startsWith("minute limit 250 (AIMD, lowered from 500 after a throttle), tokens left now ");
    }

    private String workState() {
        JsonNode work = work();
        return work == null ? null : work.get("state").asString();
    }

    private JsonNode work() {
        JsonNode row = row();
        return row == null || row.get("work").get("state").isNull() ? null : row.get("work");
    }

    private JsonNode row() {
        for (JsonNode row : operator().ok("/api/tenants")) {
            if (row.get("tenantId").asString().equals(tenant)) {
                return row;
            }
        }
        return null;
    }
}
