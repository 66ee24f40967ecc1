package com.cpsync.outbound.adapter.in.kafka.waiting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;

import com.cpsync.outbound.adapter.in.kafka.waiting.WaitingRoom.Intake;
import com.cpsync.outbound.adapter.in.kafka.work.ConnectionWait.Admission;
import com.cpsync.outbound.adapter.in.kafka.work.WorkTrace;
import com.cpsync.schemas.avro.CenterpointEvent;
import com.cpsync.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/** The spill driven by hand against a fake waiting topic whose sends can fail. */
class BacklogSpillTest {

    private final WaitingRoom room = new WaitingRoom(Duration.ofHours(6));
    /** What each partition of the waiting topic holds, in order: event ids. */
    private final Map<Integer, List<String>> written = new HashMap<>();
    private final Set<String> failOnce = new HashSet<>();
    private final List<String> committed = new ArrayList<>();
    private final List<Long> sourceOffsets = new ArrayList<>();
    private final BacklogSpill spill = new BacklogSpill(room, new WaitingTopic() {
        @Override
        public long append(int partition, String tenantId, CenterpointEvent value, WaitingHeaders headers) {
            throw new UnsupportedOperationException("the spill sends without waiting");
        }

        @Override
        public CompletableFuture<Long> appendAsync(int partition, String tenantId, CenterpointEvent value,
                WaitingHeaders headers) {
            if (failOnce.remove(value.getEventId())) {
                return CompletableFuture.failedFuture(new KafkaException("not written"));
            }
            sourceOffsets.add(headers.sourceOffset());
            List<String> records = written.computeIfAbsent(partition, p -> new ArrayList<>());
            records.add(value.getEventId());
            return CompletableFuture.completedFuture((long) records.size() - 1);
        }
    }, new WaitingWrites(), new MutableClock(), Duration.ofSeconds(1), Duration.ofSeconds(30));
    private final Map<Integer, Long> epochs = new HashMap<>();

    @Test
    void shouldWriteTheBacklogInOrderAndCompleteEachRecordOnceWritten() {
        assign(0);
        offer("t1", 0, 10, "e10");
        offer("t1", 0, 11, "e11");

        assertThat(spill.sendQueued()).isTrue();

        assertThat(written.get(0)).containsExactly("e10", "e11");
        assertThat(sourceOffsets).as("each copy names its original's offset").containsExactly(10L, 11L);
        assertThat(committed).containsExactly("e10", "e11");
        assertThat(spill.queued()).isZero();
        assertThat(room.tenantsInTopic(0, epochs.get(0))).containsExactly("t1");
        assertThat(room.waitingRecords()).isEqualTo(2);
    }

    @Test
    void shouldSendAFailedRecordAndEveryLaterOneOfItsPartitionAgainInOrder() {
        assign(0);
        assign(1);
        offer("t1", 0, 10, "e10");
        offer("t1", 0, 11, "e11");
        offer("t1", 0, 12, "e12");
        offer("t2", 1, 10, "f10");
        failOnce.add("e11");
        assertThat(spill.queuedByPartition()).isEqualTo(Map.of(0, 3, 1, 1));

        assertThat(spill.sendQueued()).isFalse();
        assertThat(written.get(0)).containsExactly("e10", "e12");
        assertThat(committed).as("e12 was written ahead of e11: not done until written behind it")
                .containsExactly("e10", "f10");
        assertThat(spill.queued()).isEqualTo(2);
        assertThat(spill.queuedByPartition()).as("its intake stays bounded by them").isEqualTo(Map.of(0, 2));

        assertThat(spill.sendQueued()).isTrue();
        assertThat(spill.queuedByPartition()).isEmpty();

        assertThat(written.get(0)).containsExactly("e10", "e12", "e11", "e12");
        assertThat(committed).containsExactly("e10", "f10", "e11", "e12");
        assertThat(room.route("t1", 0, epochs.get(0), 1, true)).as("the copy ahead of e11 is taken off unhandled")
                .isEqualTo(WaitingRoom.Route.DISCARD);
        assertThat(room.route("t1", 0, epochs.get(0), 3, true)).isEqualTo(WaitingRoom.Route.HAND_BACK);
        assertThat(room.waitingRecords()).as("every copy in the topic is counted, and nothing is on its way")
                .isEqualTo(5);
        assertThat(room.admitEvent("t1", 0, epochs.get(0), 13)).isEqualTo(Admission.WAIT);
    }

    @Test
    void shouldDropTheBacklogOfARevokedPartitionUnsentAndUncommitted() {
        assign(0);
        offer("t1", 0, 10, "e10");
        room.revoked(0);

        assertThat(spill.sendQueued()).isTrue();

        assertThat(written).isEmpty();
        assertThat(committed).isEmpty();
    }

    private void assign(int partition) {
        long epoch = room.assigned(partition);
        room.scanned(partition, epoch, Map.of(), 0);
        epochs.put(partition, epoch);
    }

    /** As the consumer does: the room decides it is backlog, then the record is handed to the spill. */
    private void offer(String tenant, int partition, long offset, String eventId) {
        long epoch = epochs.get(partition);
        assertThat(room.atIntake(tenant, partition, epoch, offset, true)).isNotEqualTo(Intake.QUEUE);
        CenterpointEvent value = new CenterpointEvent();
        value.setEventId(eventId);
        spill.offer(new BacklogSpill.Spilled(tenant, partition, offset, epoch, value, () -> committed.add(eventId),
                WorkTrace.NONE));
    }
}
