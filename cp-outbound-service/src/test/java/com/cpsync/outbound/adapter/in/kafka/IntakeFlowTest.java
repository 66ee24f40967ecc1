package com.cpsync.outbound.adapter.in.kafka;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IntakeFlowTest {

    private static final Set<Integer> ASSIGNED = Set.of(0, 1, 2);

    private final IntakeFlow flow = new IntakeFlow(100);

    @Test
    void shouldPauseEveryPartitionPastTheBoundOfQueuedRecordsAndResumeAtHalf() {
        assertThat(flow.paused(ASSIGNED, 100, 100, Map.of())).isEmpty();
        assertThat(flow.paused(ASSIGNED, 101, 101, Map.of())).isEqualTo(ASSIGNED);
        assertThat(flow.full()).isTrue();
        assertThat(flow.paused(ASSIGNED, 51, 51, Map.of())).as("not yet at half").isEqualTo(ASSIGNED);
        assertThat(flow.paused(ASSIGNED, 50, 50, Map.of())).isEmpty();
        assertThat(flow.full()).isFalse();
    }

    @Test
    void shouldPauseEveryPartitionWhenTooManyFinishedRecordsWaitForTheirCommit() {
        assertThat(flow.paused(ASSIGNED, 10, 1001, Map.of())).isEqualTo(ASSIGNED);
        assertThat(flow.paused(ASSIGNED, 10, 501, Map.of())).isEqualTo(ASSIGNED);
        assertThat(flow.paused(ASSIGNED, 10, 500, Map.of())).isEmpty();
    }

    @Test
    void shouldPauseOnlyThePartitionsABacklogIsSpilledFromWhileTheSpillIsBehind() {
        // 30 queued for work and 150 of partition 2 waiting for the spill: the work bound is not reached
        assertThat(flow.paused(ASSIGNED, 180, 180, Map.of(2, 150))).containsExactly(2);
        assertThat(flow.full()).isFalse();
        assertThat(flow.paused(ASSIGNED, 90, 90, Map.of(2, 60))).as("not yet at half").containsExactly(2);
        assertThat(flow.paused(ASSIGNED, 80, 80, Map.of(2, 50))).isEmpty();
    }

    @Test
    void shouldNotCountRecordsWaitingForTheSpillAgainstTheBoundOfQueuedRecords() {
        assertThat(flow.paused(ASSIGNED, 140, 140, Map.of(1, 40, 2, 40))).isEmpty();
    }
}
