package com.cpsync.deploy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.cpsync.deploy.Leftovers.Plan;
import com.cpsync.deploy.Leftovers.Running;
import com.cpsync.deploy.StackPidFile.Entry;

import static org.assertj.core.api.Assertions.assertThat;

class LeftoversTest {

    private static final Instant STARTED = Instant.parse("2026-03-01T10:00:00.250Z");

    private static Entry entry(String name, long pid) {
        return new Entry(name, pid, Optional.of(STARTED));
    }

    private static Plan plan(List<Entry> recorded, Map<Long, Running> running) {
        return Leftovers.plan(recorded, pid -> Optional.ofNullable(running.get(pid)));
    }

    @Test
    void shouldStopEveryRecordedProcessThatStillRunsWhenTheLauncherIsGone() {
        List<Entry> recorded = List.of(entry("launcher", 10), entry("kafka", 11), entry("postgresql", 12),
                entry("mapping-service", 13));

        Plan plan = plan(recorded, Map.of(11L, new Running(Optional.of(STARTED)),
                12L, new Running(Optional.of(STARTED.plusMillis(400)))));

        assertThat(plan.runningLauncher()).isEmpty();
        assertThat(plan.toStop()).extracting(Entry::name).containsExactly("kafka", "postgresql");
    }

    @Test
    void shouldLeaveAPidAloneThatTheSystemGaveToAnotherProgramSince() {
        Plan plan = plan(List.of(entry("kafka", 11)), Map.of(11L, new Running(Optional.of(STARTED.plusSeconds(3600)))));

        assertThat(plan.toStop()).isEmpty();
    }

    @Test
    void shouldReportALauncherThatStillRunsInsteadOfStoppingItsStack() {
        Plan plan = plan(List.of(entry("launcher", 10), entry("kafka", 11)),
                Map.of(10L, new Running(Optional.of(STARTED)), 11L, new Running(Optional.of(STARTED))));

        assertThat(plan.runningLauncher()).get().extracting(Entry::pid).isEqualTo(10L);
        assertThat(plan.toStop()).extracting(Entry::name).containsExactly("kafka");
    }

    @Test
    void shouldTrustThePidAloneWhereTheSystemTellsNoStartTime() {
        Plan plan = plan(List.of(new Entry("kafka", 11, Optional.empty())), Map.of(11L, new Running(Optional.of(STARTED))));

        assertThat(plan.toStop()).extracting(Entry::name).containsExactly("kafka");
    }
}
