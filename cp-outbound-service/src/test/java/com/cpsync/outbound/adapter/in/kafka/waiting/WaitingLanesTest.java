package com.cpsync.outbound.adapter.in.kafka.waiting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import com.cpsync.outbound.adapter.in.kafka.work.ConnectionWait.Admission;
import com.cpsync.outbound.adapter.in.kafka.work.RecordOrigin;
import com.cpsync.outbound.adapter.in.kafka.work.WorkItem;
import com.cpsync.outbound.domain.centerpoint.Company;
import com.cpsync.outbound.domain.events.EventPayload;
import com.cpsync.outbound.domain.events.OutboundEvent;
import com.cpsync.outbound.domain.events.SourcePosition;
import com.cpsync.schemas.avro.CenterpointEvent;
import com.cpsync.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/** The lanes driven by hand: a fake waiting topic, Kafka's MockConsumer for the scan, a test clock. */
class WaitingLanesTest {

    /** Where the held records' originals were read on the events topic: their offsets there, from this one on. */
    private static final long SOURCE_OFFSETS_FROM = 1000;

    private static final String TOPIC = "cp-outbound.waiting.v1";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final Duration CHECK = Duration.ofSeconds(30);

    private final MutableClock clock = new MutableClock();
    private final WaitingRoom room = new WaitingRoom(Duration.ofHours(6));
    private final Set<String> connected = new HashSet<>();
    /** Tenants whose work queue is at its share: no record of theirs is handed back. */
    private final Set<String> queueFull = new HashSet<>();
    private final List<String> handedBack = new ArrayList<>();
    private final List<WorkItem> queued = new ArrayList<>();
    private final List<String> rewritten = new ArrayList<>();
    /** The source offset each rewrite carried, in order. */
    private final List<Long> rewrittenSources = new ArrayList<>();
    private final List<Long> committed = new ArrayList<>();
    private final List<String> flow = new ArrayList<>();
    /** What the waiting partition holds when a scan reads it (keys at offsets 0, 1, …). */
    private List<String> partitionKeys = List.of("t1", "t2", "t1");
    private boolean brokerDown;
    private long nextOffset = 100;
    private long epoch;

    private final WaitingLanes lanes = new WaitingLanes(room, this::append,
            new WaitingTopicScan(TOPIC, this::scanConsumer, Duration.ofSeconds(5)), connected::contains,
            tenant -> !queueFull.contains(tenant), (tenant, item) -> {
                handedBack.add(item.event().eventId());
                queued.add(item);
            },
            new WaitingLanes.PartitionFlow() {
                @Override
                public void pause(int partition) {
                    flow.add("pause " + partition);
                }

                @Override
                public void resume(int partition) {
                    flow.add("resume " + partition);
                }
            }, clock, CHECK, new WaitingWrites());

    @Test
    void shouldOpenTheWaitingPartitionOfANewAssignment() {
        lanes.assigned(Map.of(0, room.assigned(0)));

        assertThat(flow).as("a pause asked for before a revocation must not outlive it").containsExactly("resume 0");
    }

    @Test
    void shouldHoldTheRecordsAndPauseThePartitionWhileNoTenantCanSync() {
        assign();
        arriveAll();

        lanes.pumpAll();

        assertThat(handedBack).isEmpty();
        assertThat(rewritten).isEmpty();
        assertThat(committed).isEmpty();
        assertThat(flow).containsExactly("pause 0");
        assertThat(room.admitEvent("t1", 0, epoch)).isEqualTo(Admission.WAIT);
    }

    @Test
    void shouldHandBackTheRecordsOfATenantThatCanSyncInOrderAndRewriteTheOthersToTheTail() {
        connected.add("t1");
        assign();
        arriveAll();

        lanes.pumpAll();

        assertThat(handedBack).containsExactly("e0", "e2");
        assertThat(rewritten).containsExactly("t2 e1 cycle 1 at 100");
        assertThat(rewrittenSources).as("its original's offset on the events topic, not its own here")
                .containsExactly(SOURCE_OFFSETS_FROM + 1);
        assertThat(committed).as("the rewritten record's offset; handed-back ones commit when they end")
                .containsExactly(1L);
        assertThat(flow).containsExactly("pause 0", "resume 0");
    }

    @Test
    void shouldWaitAtARecordWhoseTenantsQueueIsFullAndGoOnInOrderOnceItDrains() {
        connected.add("t1");
        queueFull.add("t1");
        assign();
        arriveAll();

        lanes.pumpAll();
        assertThat(handedBack).isEmpty();
        assertThat(rewritten).as("t2's record behind it waits too: the partition is routed in order").isEmpty();
        assertThat(committed).isEmpty();

        queueFull.remove("t1");
        lanes.pumpAll();

        assertThat(handedBack).containsExactly("e0", "e2");
        assertThat(rewritten).containsExactly("t2 e1 cycle 1 at 100");
    }

    @Test
    void shouldLeaveARecordWrittenDuringTheCycleToTheNextCycle() {
        connected.add("t1");
        assign();
        arriveAll();
        lanes.pumpAll();

        lanes.arrived(held("t2", "e1", 100, 1, clock.instant()));
        lanes.pumpAll();

        assertThat(rewritten).containsExactly("t2 e1 cycle 1 at 100");
        assertThat(flow).endsWith("pause 0");
    }

    @Test
    void shouldKeepTheCycleOpenForTheRestOfABacklogOfATenantThatCanSync() {
        partitionKeys = List.of();
        connected.add("t1");
        assign();
        assertThat(room.atIntake("t1", 0, epoch, 50, true)).isEqualTo(WaitingRoom.Intake.BACKLOG_STARTS);
        assertThat(room.atIntake("t1", 0, epoch, 51, false)).isEqualTo(WaitingRoom.Intake.BACKLOG);
        assertThat(room.atIntake("t1", 0, epoch, 52, false)).isEqualTo(WaitingRoom.Intake.BACKLOG);
        spilledAndRead("e0", 0);
        spilledAndRead("e1", 1);
        lanes.pumpAll();
        assertThat(handedBack).containsExactly("e0", "e1");

        spilledAndRead("e2", 2);
        lanes.pumpAll();

        assertThat(handedBack).as("in the same cycle, no check interval later").containsExactly("e0", "e1", "e2");
    }

    private void spilledAndRead(String eventId, long offset) {
        room.spilled("t1", 0, epoch, offset);
        lanes.arrived(held("t1", eventId, offset, 0, clock.instant()));
    }

    @Test
    void shouldWriteNothingForARecordOfAPartitionRevokedWhileItsCycleRan() {
        connected.add("t2");
        assign();
        arriveAll();
        room.revoked(0);

        lanes.pumpAll();

        assertThat(rewritten).as("its next owner reads the partition again").isEmpty();
        assertThat(committed).isEmpty();
    }

    @Test
    void shouldEndAnOpenCycleAtANewRecordOfATenantThatCannotSync() {
        partitionKeys = List.of();
        connected.add("t1");
        assign();
        room.atIntake("t1", 0, epoch, 50, true);
        room.atIntake("t1", 0, epoch, 51, false);
        spilledAndRead("e0", 0);
        lanes.pumpAll();

        room.appended("t2", 0, epoch, 1, false);
        lanes.arrived(held("t2", "d1", 1, 0, clock.instant()));
        spilledAndRead("e1", 2);
        lanes.pumpAll();

        assertThat(rewritten).as("t2's record waits for the next cycle").isEmpty();
        assertThat(handedBack).containsExactly("e0");
    }

    @Test
    void shouldRewriteTheRecordsOfATenantThatCannotSyncEvenWhenItsQueueIsFull() {
        connected.add("t2");
        queueFull.add("t1");
        assign();
        arriveAll();

        lanes.pumpAll();

        assertThat(handedBack).containsExactly("e1");
        assertThat(rewritten).containsExactly("t1 e0 cycle 1 at 100", "t1 e2 cycle 1 at 101");
    }

    @Test
    void shouldEndTheCycleAtItsEndWhenNoTenantItHandsBackToHasABacklog() {
        partitionKeys = List.of("t1", "t1");
        connected.add("t1");
        assign();
        arriveAll();
        lanes.pumpAll();

        room.appended("t1", 0, epoch, 2, false);
        lanes.arrived(held("t1", "e2", 2, 0, clock.instant()));
        lanes.pumpAll();
        assertThat(handedBack).as("waits for the next check").containsExactly("e0", "e1");

        clock.advance(CHECK);
        lanes.pumpAll();
        assertThat(handedBack).containsExactly("e0", "e1", "e2");
    }

    @Test
    void shouldCheckAgainAfterTheIntervalAndCycleOnceATenantCanSync() {
        assign();
        arriveAll();
        lanes.pumpAll();

        connected.add("t2");
        lanes.pumpAll();
        assertThat(handedBack).as("before the next check").isEmpty();

        clock.advance(CHECK);
        lanes.pumpAll();
        assertThat(handedBack).containsExactly("e1");
        assertThat(rewritten).containsExactly("t1 e0 cycle 1 at 100", "t1 e2 cycle 1 at 101");
    }

    @Test
    void shouldHandBackATenantsRewrittenRecordsInOrderOnceItConnects() {
        assign();
        arriveAll();
        connected.add("t2");
        lanes.pumpAll();
        assertThat(rewritten).containsExactly("t1 e0 cycle 1 at 100", "t1 e2 cycle 1 at 101");

        connected.add("t1");
        lanes.arrived(held("t1", "e0", 100, 1, clock.instant()));
        lanes.arrived(held("t1", "e2", 101, 1, clock.instant()));
        clock.advance(CHECK);
        lanes.pumpAll();

        assertThat(handedBack).as("not rewritten again and again").containsExactly("e1", "e0", "e2");
    }

    @Test
    void shouldCheckTheTenantOfAHeldRecordThatTheScanDidNotCount() {
        partitionKeys = List.of();
        connected.add("t1");
        assign();

        lanes.arrived(held("t1", "e0", 0, 0, clock.instant()));
        lanes.pumpAll();

        assertThat(handedBack).containsExactly("e0");
    }

    @Test
    void shouldRewriteRecordsDueForARewriteEvenWhenNoTenantCanSync() {
        assign();
        lanes.arrived(held("t1", "e0", 0, 3, clock.instant()));
        clock.advance(Duration.ofHours(6));

        lanes.pumpAll();

        assertThat(rewritten).containsExactly("t1 e0 cycle 4 at 100");
        assertThat(committed).containsExactly(0L);
        assertThat(room.admitEvent("t1", 0, epoch)).as("still waiting, at the tail").isEqualTo(Admission.WAIT);
    }

    @Test
    void shouldCountAHandedBackRecordAsWaitingUntilItsItemIsAcknowledged() {
        partitionKeys = List.of("t1");
        connected.add("t1");
        assign();
        lanes.arrived(held("t1", "e0", 0, 0, clock.instant()));
        lanes.pumpAll();
        assertThat(room.admitEvent("t1", 0, epoch)).isEqualTo(Admission.WAIT);

        queued.get(0).acknowledge().run();

        assertThat(committed).containsExactly(0L);
        assertThat(room.admitEvent("t1", 0, epoch)).isEqualTo(Admission.HANDLE);
    }

    @Test
    void shouldKeepTheRecordsAndTryAgainWhenTheTailCannotBeWritten() {
        assign();
        lanes.arrived(held("t1", "e0", 0, 0, clock.instant().minus(Duration.ofHours(7))));
        brokerDown = true;
        lanes.pumpAll();
        assertThat(committed).isEmpty();

        brokerDown = false;
        lanes.pumpAll();
        assertThat(rewritten).containsExactly("t1 e0 cycle 1 at 100");
        assertThat(committed).containsExactly(0L);
    }

    @Test
    void shouldScanAgainWhenTheScanOnAssignmentFailed() {
        brokerDown = true;
        assign();
        assertThat(room.admitEvent("t1", 0, epoch)).isEqualTo(Admission.LATER);

        brokerDown = false;
        lanes.pumpAll();

        assertThat(room.admitEvent("t1", 0, epoch)).isEqualTo(Admission.WAIT);
        assertThat(room.admitEvent("t3", 0, epoch)).isEqualTo(Admission.HANDLE);
    }

    private void assign() {
        epoch = room.assigned(0);
        lanes.assigned(Map.of(0, epoch));
        flow.clear();
    }

    private void arriveAll() {
        for (int offset = 0; offset < partitionKeys.size(); offset++) {
            lanes.arrived(held(partitionKeys.get(offset), "e" + offset, offset, 0, clock.instant()));
        }
    }

    private WaitingLanes.Held held(String tenant, String eventId, long offset, int cycles, Instant writtenAt) {
        OutboundEvent event = new OutboundEvent(eventId, tenant, writtenAt, null, new EventPayload.CompanyChanged(
                EventPayload.CompanyChanged.Kind.CREATED, new Company("c-" + eventId, "Acme", null, null, null)),
                new SourcePosition(0, SOURCE_OFFSETS_FROM + offset));
        CenterpointEvent value = new CenterpointEvent();
        value.setEventId(eventId);
        RecordOrigin.Waiting origin = new RecordOrigin.Waiting(0, offset, epoch, value, cycles, writtenAt);
        return new WaitingLanes.Held(event, origin, writtenAt, () -> committed.add(offset));
    }

    private long append(int partition, String tenant, CenterpointEvent value, WaitingHeaders headers) {
        if (brokerDown) {
            throw new KafkaException("broker unreachable");
        }
        long offset = nextOffset++;
        rewritten.add(tenant + " " + value.getEventId() + " cycle " + headers.cycles() + " at " + offset);
        rewrittenSources.add(headers.sourceOffset());
        return offset;
    }

    private MockConsumer<String, String> scanConsumer() {
        if (brokerDown) {
            throw new KafkaException("broker unreachable");
        }
        MockConsumer<String, String> consumer = new MockConsumer<>("earliest");
        consumer.updateBeginningOffsets(Map.of(P0, 0L));
        consumer.updateEndOffsets(Map.of(P0, (long) partitionKeys.size()));
        consumer.schedulePollTask(() -> {
            for (int offset = 0; offset < partitionKeys.size(); offset++) {
                consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, offset, partitionKeys.get(offset), "event"));
            }
        });
        return consumer;
    }
}
