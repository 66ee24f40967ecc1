package com.cpsync.outbound.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.cpsync.outbound.adapter.in.kafka.work.TenantWorkQueues;
import com.cpsync.outbound.adapter.in.kafka.work.WorkItem;
import com.cpsync.schemas.avro.CompaniesToQbo;
import com.cpsync.schemas.avro.CompanyCreated;
import com.cpsync.schemas.avro.SyncOutcome;
import com.cpsync.schemas.avro.SyncResult;

import static com.cpsync.outbound.it.ItFixtures.company;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One tenant never slows or breaks another (issue 3 point 7): outages, rate limits, disconnection. */
class TenantIsolationIT extends OutboundItBase {

    @Autowired
    private TenantWorkQueues<WorkItem> queues;

    @Test
    void shouldKeepAHealthyTenantFlowingWhileAnotherTenantsRealmIsDown() {
        Tenant healthy = tenant(CompaniesToQbo.WHEN_CREATED);
        Tenant failing = tenant(CompaniesToQbo.WHEN_CREATED);
        // the outage lasts until the test moves QBO's clock past it: nothing here depends on how fast we are
        apps().setFaults(failing.realm(), "{\"outageSeconds\":300}");

        List<String> failingEvents = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            failingEvents.add(publish(failing, new CompanyCreated(company("f" + i, "Failing " + i))));
        }
        String healthyEvent = publish(healthy, new CompanyCreated(company("h1", "Healthy One")));

        assertThat(awaitOutcome(healthy, healthyEvent, "h1").getResult()).isEqualTo(SyncResult.SYNCED);
        await().atMost(WAIT).until(() -> "FAILING".equals(queues.parkedTenants().get(failing.id())));
        assertThat(outcomesOf(failing, "f1")).as("the failing tenant waits, during the outage").isEmpty();
        assertThat(apps().entities(failing.realm(), "Customer")).isEmpty();

        apps().advanceSandboxClock(Duration.ofSeconds(301));

        List<SyncOutcome> failingOutcomes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            failingOutcomes.add(awaitOutcome(failing, failingEvents.get(i), "f" + (i + 1)));
        }
        // three companies: three lanes of the tenant, each in order, not one after the other
        assertThat(failingOutcomes).allMatch(o -> o.getResult() == SyncResult.SYNCED);
        assertThat(apps().entities(failing.realm(), "Customer")).extracting(c -> c.path("DisplayName").asString())
                .containsExactlyInAnyOrder("Failing 1", "Failing 2", "Failing 3");
    }

    @Test
    void shouldStayUnderTheRealmLimitDuringABurst() {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED);
        // QBO's side above ours (4/s): client and server windows never line up exactly (network jitter)
        apps().setFaults(t.realm(), "{\"requestsPerSecond\":6}");

        List<String> events = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            events.add(publish(t, new CompanyCreated(company("b" + i, "Burst " + i))));
        }

        for (int i = 0; i < events.size(); i++) {
            assertThat(awaitOutcome(t, events.get(i), "b" + (i + 1)).getResult()).isEqualTo(SyncResult.SYNCED);
        }
        assertThat(apps().entities(t.realm(), "Customer")).hasSize(10);
        assertThat(apps().stats(t.realm()).path("byStatus").path("429").asInt(0)).isZero();
    }

    @Test
    void shouldHoldADisconnectedTenantsEventsAndSyncThemAfterItConnects() {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED, s -> { }, false);
        Tenant healthy = tenant(CompaniesToQbo.WHEN_CREATED);

        String eventId = publish(t, new CompanyCreated(company("c1", "Patient Ltd")));
        assertThat(awaitOutcome(t, eventId, "c1").getResult()).isEqualTo(SyncResult.WAITING_FOR_CONNECTION);
        assertThat(queues.parkedTenants()).as("held on the waiting topic, not parked").doesNotContainKey(t.id());
        String healthyEvent = publish(healthy, new CompanyCreated(company("h1", "Healthy One")));
        assertThat(awaitOutcome(healthy, healthyEvent, "h1").getResult()).isEqualTo(SyncResult.SYNCED);

        apps().connect(t.id(), t.realm());

        await().atMost(WAIT).untilAsserted(() -> assertThat(apps().entities(t.realm(), "Customer"))
                .extracting(c -> c.path("DisplayName").asString()).containsExactly("Patient Ltd"));
    }
}
