package com.cpsync.console.domain.tenant;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.cpsync.console.domain.outcome.TopicPosition;

import static org.assertj.core.api.Assertions.assertThat;

class WorkStatusTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void shouldBeReplacedOnlyByARecordLaterInTheLogOfItsPartition() {
        WorkStatus stored = parked(0, 10, NOW);

        assertThat(parked(0, 11, NOW.minusSeconds(30)).supersedes(stored)).as("later offset, earlier clock").isTrue();
        assertThat(parked(0, 10, NOW).supersedes(stored)).as("the same record redelivered").isFalse();
        assertThat(parked(0, 9, NOW.plusSeconds(30)).supersedes(stored)).as("older offset").isFalse();
        assertThat(parked(1, 0, NOW).supersedes(stored)).as("another partition").isTrue();
        assertThat(parked(0, 0, NOW).supersedes(null)).isTrue();
    }

    @Test
    void shouldSayWhyAndUntilWhenATenantIsParked() {
        assertThat(parked(0, 1, NOW.plusSeconds(42)).describe(NOW))
                .isEqualTo("parked (THROTTLED) until 2026-11-30T12:00:42Z, 42 s from now (cp-outbound-0)");
        assertThat(parked(0, 1, NOW.plusSeconds(600)).describe(NOW)).endsWith("10 min from now (cp-outbound-0)");
        assertThat(parked(0, 1, NOW.minusSeconds(5)).describe(NOW)).isEqualTo(
                "parked (THROTTLED) until 2026-11-30T11:59:55Z; due, tried again when a worker takes it (cp-outbound-0)");
    }

    @Test
    void shouldSayRunningSince() {
        WorkStatus running = new WorkStatus("t1", "r1", WorkStatus.State.RUNNING, null, null, "cp-outbound-1", NOW,
                new TopicPosition("cp-outbound.tenant-status.v1", 0, 3));

        assertThat(running.describe(NOW.plusSeconds(60))).isEqualTo("running (since " + NOW + ", cp-outbound-1)");
    }

    private static WorkStatus parked(int partition, long offset, Instant until) {
        return new WorkStatus("t1", "r1", WorkStatus.State.PARKED, "THROTTLED", until, "cp-outbound-0", NOW,
                new TopicPosition("cp-outbound.tenant-status.v1", partition, offset));
    }
}
