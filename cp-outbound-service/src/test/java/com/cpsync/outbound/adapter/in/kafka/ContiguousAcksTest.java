package com.cpsync.outbound.adapter.in.kafka;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContiguousAcksTest {

    private final ContiguousAcks acks = new ContiguousAcks();
    private final List<Long> acknowledged = new ArrayList<>();

    @Test
    void shouldHoldBackTheCommitWhileAnEarlierRecordIsUnfinished() {
        receive("p0", 10, 11, 12);

        acks.completed("p0", 11);
        acks.completed("p0", 12);

        assertThat(acknowledged).as("10 still runs (a parked tenant)").isEmpty();
        assertThat(acks.pending()).isEqualTo(3);
        assertThat(acks.unfinished("p")).as("only 10 is still held in memory").isEqualTo(1);
    }

    @Test
    void shouldCountEachRecordUnfinishedOnceWhateverIsCompletedTwiceOrForgotten() {
        receive("p0", 1, 2, 3);
        receive("p1", 7, 8);

        acks.completed("p0", 2);
        acks.completed("p0", 2);
        acks.forget("p1");

        assertThat(acks.unfinished("p")).isEqualTo(2);
        acks.completed("p1", 7);
        assertThat(acks.unfinished("p")).as("a forgotten partition's record completing later counts nothing").isEqualTo(2);
        receive("q0", 1);
        assertThat(acks.unfinished("p")).as("counted by partition key").isEqualTo(2);
    }

    @Test
    void shouldAcknowledgeOnlyTheEndOfTheCompletedPrefix() {
        receive("p0", 10, 11, 12, 13);
        acks.completed("p0", 11);
        acks.completed("p0", 12);

        acks.completed("p0", 10);

        assertThat(acknowledged).containsExactly(12L);
        assertThat(acks.pending()).isEqualTo(1);
    }

    @Test
    void shouldTrackPartitionsIndependently() {
        receive("p0", 1);
        receive("p1", 1);

        acks.completed("p1", 1);

        assertThat(acknowledged).containsExactly(1L);
        assertThat(acks.pending()).isEqualTo(1);
    }

    private void receive(String partition, long... offsets) {
        for (long offset : offsets) {
            acks.received(partition, offset, () -> acknowledged.add(offset));
        }
    }
}
