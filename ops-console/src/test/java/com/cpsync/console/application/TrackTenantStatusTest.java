package com.cpsync.console.application;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.cpsync.console.domain.outcome.TopicPosition;
import com.cpsync.console.domain.tenant.WorkStatus;

import static org.assertj.core.api.Assertions.assertThat;

class TrackTenantStatusTest {

    private static final Instant AT = Instant.parse("2026-11-30T12:00:00Z");

    private final InMemoryTenantStatuses statuses = new InMemoryTenantStatuses();
    private final TrackTenantStatus track = new TrackTenantStatus(statuses);

    @Test
    void shouldKeepTheLatestStatusOfTheLogAndIgnoreARedelivery() {
        WorkStatus parked = status(WorkStatus.State.PARKED, 4);
        WorkStatus running = status(WorkStatus.State.RUNNING, 5);

        assertThat(track.status(parked)).isTrue();
        assertThat(track.status(running)).isTrue();
        assertThat(track.status(parked)).as("redelivered after a rebalance").isFalse();

        assertThat(statuses.stored.get("t1")).isEqualTo(running);
    }

    @Test
    void shouldForgetATenantOnATombstone() {
        track.status(status(WorkStatus.State.PARKED, 1));

        track.gone("t1");

        assertThat(statuses.stored).isEmpty();
    }

    private static WorkStatus status(WorkStatus.State state, long offset) {
        return new WorkStatus("t1", "r1", state, state == WorkStatus.State.PARKED ? "FAILING" : null,
                state == WorkStatus.State.PARKED ? AT.plusSeconds(30) : null, "cp-outbound-0", AT,
                new TopicPosition("cp-outbound.tenant-status.v1", 0, offset));
    }
}
