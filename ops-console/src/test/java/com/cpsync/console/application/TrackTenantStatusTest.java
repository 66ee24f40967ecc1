package com.cpsync.console.application;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.cpsync.console.application.port.TenantStatusStore;
import com.cpsync.console.domain.outcome.TopicPosition;
import com.cpsync.console.domain.tenant.WorkStatus;

import static org.assertj.core.api.Assertions.assertThat;

class TrackTenantStatusTest {

    private static final Instant AT = Instant.parse("2026-11-30T12:00:00Z");

    private final Map<String, WorkStatus> stored = new HashMap<>();
    private final TrackTenantStatus track = new TrackTenantStatus(new TenantStatusStore() {
        @Override
        public Optional<WorkStatus> of(String tenantId) {
            return Optional.ofNullable(stored.get(tenantId));
        }

        @Override
        public void put(WorkStatus status) {
            stored.put(status.tenantId(), status);
        }

        @Override
        public void remove(String tenantId) {
            stored.remove(tenantId);
        }

        @Override
        public Map<String, WorkStatus> all() {
            return Map.copyOf(stored);
        }
    });

    @Test
    void shouldKeepTheLatestStatusOfTheLogAndIgnoreARedelivery() {
        WorkStatus parked = status(WorkStatus.State.PARKED, 4);
        WorkStatus running = status(WorkStatus.State.RUNNING, 5);

        assertThat(track.status(parked)).isTrue();
        assertThat(track.status(running)).isTrue();
        assertThat(track.status(parked)).as("redelivered after a rebalance").isFalse();

        assertThat(stored.get("t1")).isEqualTo(running);
    }

    @Test
    void shouldForgetATenantOnATombstone() {
        track.status(status(WorkStatus.State.PARKED, 1));

        track.gone("t1");

        assertThat(stored).isEmpty();
    }

    private static WorkStatus status(WorkStatus.State state, long offset) {
        return new WorkStatus("t1", "r1", state, state == WorkStatus.State.PARKED ? "FAILING" : null,
                state == WorkStatus.State.PARKED ? AT.plusSeconds(30) : null, "cp-outbound-0", AT,
                new TopicPosition("cp-outbound.tenant-status.v1", 0, offset));
    }
}
