package com.cpsync.syncsupport.budget;

import org.junit.jupiter.api.Test;

import com.cpsync.qbo.client.CallPriority;

import static org.assertj.core.api.Assertions.assertThat;

class BacklogReserveTest {

    private final BacklogReserve reserve = new BacklogReserve(1, 10);

    @Test
    void shouldLetLiveWorkTakeTheLastToken() {
        assertThat(reserve.keeps(CallPriority.LIVE, 0, 0)).isTrue();
    }

    @Test
    void shouldLetABacklogTakeATokenThatLeavesTheReserve() {
        assertThat(reserve.keeps(CallPriority.BACKLOG, 1, 10)).isTrue();
    }

    @Test
    void shouldStopABacklogAtTheSecondsOrTheMinutesReserve() {
        assertThat(reserve.keeps(CallPriority.BACKLOG, 0, 19)).as("second").isFalse();
        assertThat(reserve.keeps(CallPriority.BACKLOG, 1, 9)).as("minute").isFalse();
    }

    @Test
    void shouldNeverReserveAWholeBucket() {
        BacklogReserve within = new BacklogReserve(5, 100).within(BudgetShape.of(10, 50, 40));

        assertThat(within).isEqualTo(new BacklogReserve(1, 1));
    }
}
