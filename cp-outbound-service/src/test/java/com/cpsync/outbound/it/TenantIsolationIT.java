package com.cpsync.outbound.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.cpsync.outbound.adapter.in.kafka.EventIntake;
import com.cpsync.outbound.adapter.in.kafka.waiting.WaitingRoom;
import com.cpsync.outbound.adapter.in.kafka.work.TenantWorkQueues;
import com.cpsync.outbound.adapter.in.kafka.work.WorkItem;
import com.cpsync.schemas.avro.CompaniesToQbo;
import com.cpsync.schemas.avro.CompanyCreated;
import com.cpsync.schemas.avro.CompanyUpdated;
import com.cpsync.schemas.avro.SyncOutcome;
import com.cpsync.schemas.avro.SyncResult;

import static com.cpsync.outbound.it.ItFixtures.company;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One tenant never slows or breaks another (issue 3 point 7): outages, rate limits, disconnection. */
class TenantIsolationIT extends OutboundItBase {

    @Autowired
    private TenantWorkQueues<WorkItem> queues;

    @Autowired
    private WaitingRoom room;

    @Autowired
    private EventIntake intake;

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

    /**
     * The ITs run with {@code app.work.max-buffered} 30 and a tenant's share 10 (OutboundItBase): without the
     * backlog going to the waiting topic, this tenant's 50 records would stop the consumer for every tenant until
     * its outage ends.
     */
    @Test
    void shouldReadOtherTenantsEventsWhileOneTenantsBacklogWaitsBeyondItsShareAndSyncTheBacklogInOrderAfterwards() {
        Tenant busy = tenant(CompaniesToQbo.WHEN_CREATED);
        Tenant healthy = tenant(CompaniesToQbo.WHEN_CREATED);
        apps().setFaults(busy.realm(), "{\"outageSeconds\":300}");

        List<String> backlog = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            backlog.add(publish(busy, new CompanyCreated(company("b" + i, "Backlog " + i))));
        }
        // one company's later states: they come back from the waiting topic behind its create, in order
        for (int v = 1; v <= 10; v++) {
            backlog.add(publish(busy, new CompanyUpdated(company("b1", "Backlog One v" + v))));
        }
        await().atMost(WAIT).until(() -> room.waitingTenants().contains(busy.id()));

        String healthyEvent = publish(healthy, new CompanyCreated(company("h1", "Healthy One")));
        assertThat(awaitOutcome(healthy, healthyEvent, "h1").getResult()).isEqualTo(SyncResult.SYNCED);
        assertThat(intake.paused()).isFalse();
        assertThat(outcomesOf(busy, "b1")).as("the busy tenant's realm is still down").isEmpty();

        apps().advanceSandboxClock(Duration.ofSeconds(301));

        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(backlog).allSatisfy(eventId ->
                assertThat(outcomesOfEvent(eventId)).as("outcomes of %s", eventId).singleElement()
                        .satisfies(o -> assertThat(o.getResult()).isEqualTo(SyncResult.SYNCED))));
        List<String> names = customerNames(busy);
        assertThat(names).hasSize(40).contains("Backlog One v10", "Backlog 2", "Backlog 40")
                .doesNotContain("Backlog 1", "Backlog One v9");
        assertThat(room.waitingTenants()).as("its backlog is over").doesNotContain(busy.id());
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
