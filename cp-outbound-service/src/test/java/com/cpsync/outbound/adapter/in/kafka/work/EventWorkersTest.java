package com.cpsync.outbound.adapter.in.kafka.work;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import com.cpsync.outbound.application.port.SyncOutcomeRecord;
import com.cpsync.outbound.application.port.SyncOutcomeRecord.Result;
import com.cpsync.outbound.application.port.TenantMustWait;
import com.cpsync.outbound.application.port.WaitReason;
import com.cpsync.outbound.domain.centerpoint.Company;
import com.cpsync.outbound.domain.centerpoint.Project;
import com.cpsync.outbound.domain.events.EventPayload;
import com.cpsync.outbound.domain.events.OutboundEvent;
import com.cpsync.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class EventWorkersTest {

    private final MutableClock clock = new MutableClock();
    private final TenantWorkQueues<WorkItem> queues = new TenantWorkQueues<>(clock);
    private final List<SyncOutcomeRecord> outcomes = new ArrayList<>();
    private final List<String> acked = new ArrayList<>();
    private final Map<String, Function<OutboundEvent, Optional<String>>> behaviour = new HashMap<>();
    private boolean outcomesUnwritable;
    private final FakeConnectionWait waiting = new FakeConnectionWait();
    private final InFlightWork inFlight = new InFlightWork();
    private final EventWorkers workers = new EventWorkers(queues,
            event -> behaviour.getOrDefault(event.eventId(), e -> Optional.empty()).apply(event), outcome -> {
                if (outcomesUnwritable) {
                    throw new TenantMustWait(WaitReason.FAILING, null, "broker unreachable", null);
                }
                outcomes.add(outcome);
            },
            new ParkPolicy(Duration.ofSeconds(60), Duration.ofMillis(200), Duration.ofSeconds(1),
                    Duration.ofSeconds(30), Duration.ofSeconds(15)),
            waiting, clock, () -> true, () -> { }, Duration.ofMinutes(10), 1,
            item -> WorkQueueKey.single(item.event().tenantId()), inFlight);

    @Test
    void shouldParkAThrottledTenantWithoutAcknowledging() {
        handlingThrows("e1", new TenantMustWait(WaitReason.THROTTLED, null, "429", null));
        submit(project("e1", "t1", "p1"));

        workNext();

        assertThat(acked).isEmpty();
        assertThat(queues.parkedTenants()).containsEntry("t1", "THROTTLED");
        clock.advance(Duration.ofSeconds(60));
        assertThat(queues.tryClaim()).isPresent();
    }

    @Test
    void shouldSetAsideAnEventUntilItsParentIsSeenThenRunItAgain() {
        behaviour.put("project", e -> Optional.of("COMPANY:c1"));
        submit(project("project", "t1", "p1"));
        submit(company("company", "t1", "c1"));

        workNext();
        assertThat(acked).isEmpty();
        assertThat(workers.deferred()).isEqualTo(1);

        workNext();
        assertThat(acked).containsExactly("company");

        behaviour.remove("project");
        TenantWorkQueues.Claim<WorkItem> again = queues.tryClaim().orElseThrow();
        assertThat(again.item().event().eventId()).isEqualTo("project");
        workers.work(again);
        assertThat(acked).containsExactly("company", "project");
    }

    @Test
    void shouldFailAnEventWhoseParentIsNeverSeen() {
        setAsideUntilCompanyC1IsSeen("project");

        clock.advance(Duration.ofMinutes(11));
        workers.expireDeferred();

        assertThat(acked).containsExactly("project");
        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.result()).isEqualTo(Result.FAILED);
            assertThat(o.reason()).contains("COMPANY:c1");
        });
    }

    @Test
    void shouldKeepAnExpiredEventAsideUntilItsFailedOutcomeCanBeWritten() {
        setAsideUntilCompanyC1IsSeen("project");
        clock.advance(Duration.ofMinutes(11));

        outcomesUnwritable = true;
        workers.expireDeferred();
        assertThat(acked).isEmpty();
        assertThat(workers.deferred()).isEqualTo(1);

        outcomesUnwritable = false;
        workers.expireDeferred();
        assertThat(acked).containsExactly("project");
        assertThat(outcomes).extracting(SyncOutcomeRecord::result).containsExactly(Result.FAILED);
        assertThat(workers.deferred()).isZero();
    }

    @Test
    void shouldEndAnUnexpectedErrorAsFailedInsteadOfRetrying() {
        handlingThrows("e1", new IllegalStateException("boom"));
        submit(project("e1", "t1", "p1"));

        workNext();

        assertThat(acked).containsExactly("e1");
        assertThat(outcomes).extracting(SyncOutcomeRecord::result).containsExactly(Result.FAILED);
        assertThat(queues.buffered()).isZero();
    }

    @Test
    void shouldSendADisconnectedTenantsEventToTheWaitingTopicAndAcknowledgeIt() {
        handlingThrows("e1", new TenantMustWait(WaitReason.DISCONNECTED, null, "tenant t1 is not connected", null));
        submit(project("e1", "t1", "p1"));

        workNext();

        assertThat(waiting.held).containsExactly("e1 (tenant t1 is not connected)");
        assertThat(acked).containsExactly("e1");
        assertThat(queues.parkedTenants()).isEmpty();
        assertThat(queues.buffered()).isZero();
    }

    @Test
    void shouldParkADisconnectedTenantsEventQueuedAheadOfItsBacklogRatherThanSendItBehindIt() {
        handlingThrows("e1", new TenantMustWait(WaitReason.DISCONNECTED, null, "tenant t1 is not connected", null));
        waiting.keepingTheirPlace.add("e1");
        submit(project("e1", "t1", "p1"));

        workNext();

        assertThat(waiting.held).isEmpty();
        assertThat(acked).isEmpty();
        assertThat(queues.parkedTenants()).containsEntry("t1", "DISCONNECTED");
    }

    @Test
    void shouldSendAnEventBehindWaitingRecordsOfItsTenantWithoutHandlingIt() {
        workWithoutHandling(ConnectionWait.Admission.WAIT);

        assertThat(waiting.held).containsExactly("e1 (behind earlier records)");
        assertThat(acked).containsExactly("e1");
        assertThat(outcomes).isEmpty();
    }

    @Test
    void shouldParkTheTenantWhenTheWaitingTopicCannotBeWritten() {
        waiting.unwritable = true;

        workWithoutHandling(ConnectionWait.Admission.WAIT);

        assertThat(acked).isEmpty();
        assertThat(queues.parkedTenants()).containsEntry("t1", "FAILING");
    }

    @Test
    void shouldDropAnItemOfARevokedPartitionWithoutHandlingOrAcknowledgingIt() {
        workWithoutHandling(ConnectionWait.Admission.STALE);

        assertThat(acked).isEmpty();
        assertThat(outcomes).isEmpty();
        assertThat(queues.buffered()).isZero();
    }

    @Test
    void shouldParkAnEventWhoseWaitingPartitionIsNotReadYet() {
        waiting.admissions.put("e1", ConnectionWait.Admission.LATER);
        submit(project("e1", "t1", "p1"));

        workNext();

        assertThat(acked).isEmpty();
        assertThat(queues.parkedTenants()).containsKey("t1");
        waiting.admissions.remove("e1");
        clock.advance(Duration.ofMillis(200));
        workNext();
        assertThat(acked).containsExactly("e1");
    }

    @Test
    void shouldSendAnExpiredSetAsideEventToTheWaitingTopicWhenItsTenantWaitsThere() {
        setAsideUntilCompanyC1IsSeen("project");
        waiting.admissions.put("project", ConnectionWait.Admission.WAIT);

        clock.advance(Duration.ofMinutes(11));
        workers.expireDeferred();

        assertThat(waiting.held).containsExactly("project (behind earlier records)");
        assertThat(acked).containsExactly("project");
        assertThat(outcomes).isEmpty();
        assertThat(workers.deferred()).isZero();
    }

    /** Works a project event whose company c1 was never seen, so the event is set aside to wait for it. */
    private void setAsideUntilCompanyC1IsSeen(String eventId) {
        behaviour.put(eventId, e -> Optional.of("COMPANY:c1"));
        submit(project(eventId, "t1", "p1"));
        workNext();
        assertThat(workers.deferred()).isEqualTo(1);
    }

    /** Works event e1 of tenant t1 as the waiting room admits it: one that is not HANDLE never reaches the handler. */
    private void workWithoutHandling(ConnectionWait.Admission admission) {
        handlingThrows("e1", new IllegalStateException("must not be handled"));
        waiting.admissions.put("e1", admission);
        submit(project("e1", "t1", "p1"));
        workNext();
    }

    private void handlingThrows(String eventId, RuntimeException failure) {
        behaviour.put(eventId, e -> {
            throw failure;
        });
    }

    @Test
    void shouldCountAnItemAsInFlightWhileItIsWorkedWhateverItsEnd() {
        List<Integer> seenWhileHandling = new ArrayList<>();
        behaviour.put("e1", e -> {
            seenWhileHandling.add(inFlight.inFlight(0));
            return Optional.empty();
        });
        behaviour.put("e2", e -> {
            seenWhileHandling.add(inFlight.inFlight(0));
            throw new TenantMustWait(WaitReason.THROTTLED, null, "429", null);
        });
        submit(project("e1", "t1", "p1"));
        submit(project("e2", "t2", "p2"));

        workNext();
        workNext();

        assertThat(seenWhileHandling).containsExactly(1, 1);
        assertThat(inFlight.inFlight(0)).isZero();
    }

    private void workNext() {
        workers.work(queues.tryClaim().orElseThrow());
    }

    @Test
    void shouldWorkAnItemToItsEndInsideTheTraceItWasConsumedIn() {
        List<String> trace = new ArrayList<>();
        boolean[] inside = {false};
        WorkTrace consumedIn = new WorkTrace() {
            @Override
            public <T> T within(Supplier<T> work) {
                inside[0] = true;
                try {
                    return work.get();
                }
                finally {
                    inside[0] = false;
                }
            }
        };
        behaviour.put("e1", e -> {
            trace.add("handled " + (inside[0] ? "inside" : "outside"));
            throw new IllegalStateException("boom");
        });
        OutboundEvent event = project("e1", "t1", "p1");
        queues.submit("t1", new WorkItem(event, () -> trace.add("acknowledged " + (inside[0] ? "inside" : "outside")),
                new RecordOrigin.Events(0, 0, 1, null), consumedIn));

        workers.work(queues.tryClaim().orElseThrow());

        assertThat(trace).containsExactly("handled inside", "acknowledged inside");
        assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.result()).isEqualTo(Result.FAILED));
    }

    private void submit(OutboundEvent event) {
        queues.submit(event.tenantId(), new WorkItem(event, () -> acked.add(event.eventId()),
                new RecordOrigin.Events(0, 0, 1, null)));
    }

    /** Admits what the test says (HANDLE by default) and records what it was asked to hold. */
    private static final class FakeConnectionWait implements ConnectionWait {
        private final Map<String, Admission> admissions = new HashMap<>();
        private final List<String> held = new ArrayList<>();
        private final Set<String> keepingTheirPlace = new HashSet<>();
        private boolean unwritable;

        @Override
        public Admission admit(WorkItem item) {
            return admissions.getOrDefault(item.event().eventId(), Admission.HANDLE);
        }

        @Override
        public boolean keepsItsPlace(WorkItem item) {
            return keepingTheirPlace.contains(item.event().eventId());
        }

        @Override
        public void hold(WorkItem item, String cause) {
            if (unwritable) {
                throw new IllegalStateException("broker unreachable");
            }
            held.add(item.event().eventId() + " (" + (cause == null ? "behind earlier records" : cause) + ")");
        }
    }

    private static OutboundEvent project(String eventId, String tenantId, String projectId) {
        return new OutboundEvent(eventId, tenantId, Instant.now(), null, new EventPayload.ProjectChanged(
                EventPayload.ProjectChanged.Kind.CREATED, new Project(projectId, "c1", "Kitchen", null)));
    }

    private static OutboundEvent company(String eventId, String tenantId, String companyId) {
        return new OutboundEvent(eventId, tenantId, Instant.now(), null, new EventPayload.CompanyChanged(
                EventPayload.CompanyChanged.Kind.CREATED, new Company(companyId, "Acme", null, null, null)));
    }
}
