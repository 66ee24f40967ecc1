package com.cpsync.outbound.adapter.in.kafka.waiting;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.cpsync.outbound.adapter.in.kafka.waiting.WaitingRoom.Intake;
import com.cpsync.outbound.adapter.in.kafka.waiting.WaitingRoom.Route;
import com.cpsync.outbound.adapter.in.kafka.work.ConnectionWait.Admission;

import static org.assertj.core.api.Assertions.assertThat;

class WaitingRoomTest {

    private static final int P = 0;
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final WaitingRoom room = new WaitingRoom(Duration.ofHours(6));

    @Test
    void shouldHoldBackEventsOfAPartitionUntilItsWaitingPartitionIsRead() {
        long epoch = room.assigned(P);
        assertThat(room.admitEvent("t1", P, epoch)).isEqualTo(Admission.LATER);

        room.scanned(P, epoch, Map.of(), 0);

        assertThat(room.admitEvent("t1", P, epoch)).isEqualTo(Admission.HANDLE);
    }

    @Test
    void shouldSendNewEventsOfATenantBehindItsWaitingRecordsOnly() {
        long epoch = scanned(Map.of("t1", 2), 2);

        assertThat(room.admitEvent("t1", P, epoch)).isEqualTo(Admission.WAIT);
        assertThat(room.admitEvent("t2", P, epoch)).isEqualTo(Admission.HANDLE);
    }

    @Test
    void shouldKeepSendingEventsBehindUntilEveryHandedBackRecordHasEnded() {
        long epoch = scanned(Map.of(), 0);
        room.appended("t1", P, epoch, 0, false);
        assertThat(room.admitEvent("t1", P, epoch)).isEqualTo(Admission.WAIT);

        room.takenOff("t1", P, epoch, 0, Route.HAND_BACK);
        assertThat(room.admitEvent("t1", P, epoch)).as("handed back, not ended").isEqualTo(Admission.WAIT);

        room.finished("t1", P, epoch);
        assertThat(room.admitEvent("t1", P, epoch)).isEqualTo(Admission.HANDLE);
    }

    @Test
    void shouldCallItemsOfARevokedOrReassignedPartitionStale() {
        long first = scanned(Map.of(), 0);
        room.revoked(P);
        assertThat(room.admitEvent("t1", P, first)).isEqualTo(Admission.STALE);

        long second = scanned(Map.of(), 0);
        assertThat(room.admitEvent("t1", P, first)).isEqualTo(Admission.STALE);
        assertThat(room.admitHandedBack("t1", P, first, 3)).isEqualTo(Admission.STALE);
        assertThat(room.admitEvent("t1", P, second)).isEqualTo(Admission.HANDLE);
    }

    @Test
    void shouldHandBackRecordsOfATenantThatCanSyncAndRewriteTheOthers() {
        long epoch = scanned(Map.of("t1", 1, "t2", 1), 2);

        assertThat(room.route("t1", P, epoch, 0, true)).isEqualTo(Route.HAND_BACK);
        assertThat(room.route("t2", P, epoch, 1, false)).isEqualTo(Route.REWRITE);
    }

    @Test
    void shouldSendEveryEarlierRecordOfATenantAfterTheOneThatWentBackToTheTail() {
        long epoch = scanned(Map.of("t1", 3), 3);
        room.takenOff("t1", P, epoch, 0, Route.HAND_BACK);
        // a worker found t1 disconnected again: its record 0 went back to the tail, at offset 10
        room.appended("t1", P, epoch, 10, true);
        room.finished("t1", P, epoch);

        assertThat(room.route("t1", P, epoch, 1, true)).as("offset 1 lies before the barrier").isEqualTo(Route.REWRITE);
        assertThat(room.admitHandedBack("t1", P, epoch, 2)).isEqualTo(Admission.WAIT);
        assertThat(room.route("t1", P, epoch, 10, true)).isEqualTo(Route.HAND_BACK);
        assertThat(room.admitHandedBack("t1", P, epoch, 11)).isEqualTo(Admission.HANDLE);
        assertThat(room.route("t2", P, epoch, 1, true)).as("other tenants have no barrier").isEqualTo(Route.HAND_BACK);
    }

    @Test
    void shouldHandBackALeaderThenWhatFollowedItInTheTenantsOrderOnceItCanSync() {
        long epoch = scanned(Map.of("t1", 3), 3);
        room.takenOff("t1", P, epoch, 0, Route.HAND_BACK);
        room.takenOff("t1", P, epoch, 0, Route.HAND_BACK);
        // record 0 found t1 disconnected: it leads, to offset 10
        room.appended("t1", P, epoch, 10, true);
        room.finished("t1", P, epoch);
        // record 1, handed back behind it, follows it to 11
        assertThat(room.admitHandedBack("t1", P, epoch, 1)).isEqualTo(Admission.WAIT);
        room.appended("t1", P, epoch, 11, false);
        room.finished("t1", P, epoch);
        // record 2, still before the barrier, is rewritten behind them by the cycle
        assertThat(room.route("t1", P, epoch, 2, true)).isEqualTo(Route.REWRITE);
        room.appended("t1", P, epoch, 12, false);
        room.takenOff("t1", P, epoch, 0, Route.REWRITE);

        assertThat(room.route("t1", P, epoch, 10, true)).isEqualTo(Route.HAND_BACK);
        assertThat(room.route("t1", P, epoch, 11, true)).isEqualTo(Route.HAND_BACK);
        assertThat(room.route("t1", P, epoch, 12, true)).isEqualTo(Route.HAND_BACK);
    }

    @Test
    void shouldNeverSendALeaderBehindAnotherLeaderOfItsTenant() {
        long epoch = scanned(Map.of("t1", 4), 4);
        // X (company A) at 0, Y (company B) at 1 and X2 (company A, after X) at 2 are handed back; 3 stays
        for (int i = 0; i < 3; i++) {
            room.takenOff("t1", P, epoch, i, Route.HAND_BACK);
        }
        room.appended("t1", P, epoch, 20, true);
        room.appended("t1", P, epoch, 21, true);
        assertThat(room.admitHandedBack("t1", P, epoch, 2)).as("X2 follows").isEqualTo(Admission.WAIT);
        room.appended("t1", P, epoch, 22, false);
        for (int i = 0; i < 3; i++) {
            room.finished("t1", P, epoch);
        }

        assertThat(room.route("t1", P, epoch, 3, true)).isEqualTo(Route.REWRITE);
        assertThat(room.route("t1", P, epoch, 20, true)).as("X leads, before Y's barrier").isEqualTo(Route.HAND_BACK);
        assertThat(room.route("t1", P, epoch, 21, true)).isEqualTo(Route.HAND_BACK);
        assertThat(room.route("t1", P, epoch, 22, true)).isEqualTo(Route.HAND_BACK);
    }

    @Test
    void shouldTakeOffACopyWrittenOutOfTurnUnhandled() {
        long epoch = scanned(Map.of(), 0);
        room.appendedOutOfTurn("t1", P, epoch, 5);
        room.appended("t1", P, epoch, 6, false);

        assertThat(room.route("t1", P, epoch, 5, true)).isEqualTo(Route.DISCARD);
        room.takenOff("t1", P, epoch, 5, Route.DISCARD);
        assertThat(room.route("t1", P, epoch, 6, true)).isEqualTo(Route.HAND_BACK);
        assertThat(room.waitingRecords()).as("only the record at 6 is left").isEqualTo(1);
    }

    @Test
    void shouldForgetTheBarrierOnceNothingOfTheTenantIsLeft() {
        long epoch = scanned(Map.of(), 0);
        room.appended("t1", P, epoch, 10, true);
        room.takenOff("t1", P, epoch, 0, Route.HAND_BACK);
        room.finished("t1", P, epoch);

        assertThat(room.admitHandedBack("t1", P, epoch, 5)).isEqualTo(Admission.HANDLE);
    }

    @Test
    void shouldStartATenantsBacklogWhenItIsOverItsShareAndSendEveryLaterRecordThereUntilNothingIsLeft() {
        long epoch = scanned(Map.of(), 0);
        assertThat(room.atIntake("t1", P, epoch, 10, false)).isEqualTo(Intake.QUEUE);

        assertThat(room.atIntake("t1", P, epoch, 11, true)).isEqualTo(Intake.BACKLOG_STARTS);
        assertThat(room.atIntake("t1", P, epoch, 12, false)).as("under its share again, but behind its backlog")
                .isEqualTo(Intake.BACKLOG);
        assertThat(room.atIntake("t2", P, epoch, 13, false)).isEqualTo(Intake.QUEUE);

        room.spilled("t1", P, epoch, 0);
        room.spilled("t1", P, epoch, 1);
        assertThat(room.waitingRecords()).isEqualTo(2);
        room.takenOff("t1", P, epoch, 0, Route.HAND_BACK);
        room.takenOff("t1", P, epoch, 0, Route.HAND_BACK);
        room.finished("t1", P, epoch);
        assertThat(room.admitEvent("t1", P, epoch, 14)).as("one handed back is not done yet").isEqualTo(Admission.WAIT);
        room.finished("t1", P, epoch);

        assertThat(room.atIntake("t1", P, epoch, 15, false)).as("its backlog is over").isEqualTo(Intake.QUEUE);
    }

    @Test
    void shouldHandleTheRecordsQueuedBeforeATenantsBacklogAndSendTheLaterOnesBehindIt() {
        long epoch = scanned(Map.of(), 0);
        room.atIntake("t1", P, epoch, 20, true);

        assertThat(room.admitEvent("t1", P, epoch, 19)).isEqualTo(Admission.HANDLE);
        assertThat(room.isAheadOfBacklog("t1", P, epoch, 19)).isTrue();
        assertThat(room.admitEvent("t1", P, epoch, 21)).isEqualTo(Admission.WAIT);
        assertThat(room.isAheadOfBacklog("t1", P, epoch, 21)).isFalse();
        assertThat(room.isAheadOfBacklog("t2", P, epoch, 19)).isFalse();
    }

    @Test
    void shouldNotStartABacklogBehindRecordsWaitingForAConnection() {
        long epoch = scanned(Map.of("t1", 1), 1);

        assertThat(room.atIntake("t1", P, epoch, 5, true)).as("queued, then sent behind them by a worker")
                .isEqualTo(Intake.QUEUE);
        assertThat(room.admitEvent("t1", P, epoch, 5)).isEqualTo(Admission.WAIT);
    }

    @Test
    void shouldQueueRecordsOfAPartitionNotReadYetOrNotAssigned() {
        long epoch = room.assigned(P);

        assertThat(room.atIntake("t1", P, epoch, 1, true)).isEqualTo(Intake.QUEUE);
        assertThat(room.atIntake("t1", P + 1, epoch, 1, true)).isEqualTo(Intake.QUEUE);
    }

    @Test
    void shouldKeepABacklogWhoseRecordsAreStillOnTheirWayWhenThePartitionIsReadToItsEnd() {
        long epoch = scanned(Map.of(), 0);
        room.atIntake("t1", P, epoch, 1, true);
        room.spilled("t1", P, epoch, 0);
        room.atIntake("t1", P, epoch, 2, false);
        room.read(P, epoch, 0);

        assertThat(room.settle(P, epoch)).as("the count of the record written is dropped").containsExactly("t1");
        assertThat(room.atIntake("t1", P, epoch, 3, false)).as("one is still on its way").isEqualTo(Intake.BACKLOG);
    }

    @Test
    void shouldHandBackBehindRecordsOfTheTenantStillInTheWorkQueuesEvenWhenItCannotSync() {
        long epoch = scanned(Map.of("t1", 2), 2);
        room.takenOff("t1", P, epoch, 0, Route.HAND_BACK);

        assertThat(room.route("t1", P, epoch, 1, false)).isEqualTo(Route.HAND_BACK);
    }

    @Test
    void shouldCycleWhenATenantCanSyncOrTheOldestRecordIsDueForARewrite() {
        assertThat(room.shouldCycle(NOW.minusSeconds(60), NOW, false)).isFalse();
        assertThat(room.shouldCycle(NOW.minusSeconds(60), NOW, true)).isTrue();
        assertThat(room.shouldCycle(NOW.minus(Duration.ofHours(6)), NOW, false)).isTrue();
    }

    @Test
    void shouldTellTheKnownEndOfTheWaitingPartition() {
        long epoch = scanned(Map.of("t1", 1), 7);
        assertThat(room.knownEnd(P, epoch)).isEqualTo(7);

        room.appended("t1", P, epoch, 9, false);
        assertThat(room.knownEnd(P, epoch)).isEqualTo(10);
        assertThat(room.tenantsInTopic(P, epoch)).containsExactly("t1");
    }

    @Test
    void shouldDropCountsOfRecordsThatWereNeverReadOnceThePartitionIsReadToItsEnd() {
        long epoch = scanned(Map.of("t1", 2), 2);
        room.read(P, epoch, 0);
        room.takenOff("t1", P, epoch, 0, Route.REWRITE);
        assertThat(room.settle(P, epoch)).as("offset 1 not read yet").isEmpty();

        // offset 1 was deleted before it was read: the consumer jumped past it
        room.read(P, epoch, 2);
        assertThat(room.settle(P, epoch)).containsExactly("t1");
        assertThat(room.admitEvent("t1", P, epoch)).isEqualTo(Admission.HANDLE);
    }

    @Test
    void shouldCountWaitingRecordsAndTenantsForOperators() {
        long epoch = scanned(Map.of("t1", 2, "t2", 1), 3);
        room.takenOff("t1", P, epoch, 0, Route.HAND_BACK);

        assertThat(room.waitingRecords()).isEqualTo(3);
        assertThat(room.waitingTenants()).containsExactlyInAnyOrder("t1", "t2");

        room.revoked(P);
        assertThat(room.waitingRecords()).isZero();
    }

    private long scanned(Map<String, Integer> recordsByTenant, long endOffset) {
        long epoch = room.assigned(P);
        room.scanned(P, epoch, recordsByTenant, endOffset);
        return epoch;
    }
}
