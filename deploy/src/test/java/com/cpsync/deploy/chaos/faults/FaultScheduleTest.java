package com.cpsync.deploy.chaos.faults;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FaultScheduleTest {

    private static final List<String> REALMS = List.of("r1", "r2", "r3", "r4");

    private final FaultSchedule schedule = FaultSchedule.plan(42, 200, REALMS, 9000);

    @Test
    void shouldPlanTheSameFaultsAtTheSameStepsForTheSameSeed() {
        assertThat(FaultSchedule.plan(42, 200, REALMS, 9000).faults()).isEqualTo(schedule.faults());
        assertThat(FaultSchedule.plan(43, 200, REALMS, 9000).faults()).isNotEqualTo(schedule.faults());
    }

    @Test
    void shouldKillEverySyncServiceOnceMidRun() {
        List<Fault> kills = of(FaultKind.KILL_SERVICE);
        assertThat(kills).extracting(Fault::target)
                .containsExactlyInAnyOrder("mapping-service", "cp-outbound-service", "qbo-inbound-service");
        assertThat(kills).allSatisfy(kill -> assertThat(kill.atStep()).isBetween(30, 139));
    }

    @Test
    void shouldRunASecondInstanceOfEachConsumerForAWhileAndRestartKafka() {
        for (String service : List.of("cp-outbound-service", "qbo-inbound-service")) {
            Fault up = of(FaultKind.SECOND_INSTANCE_UP).stream().filter(f -> f.target().equals(service)).findFirst().orElseThrow();
            Fault down = of(FaultKind.SECOND_INSTANCE_DOWN).stream().filter(f -> f.target().equals(service)).findFirst().orElseThrow();
            assertThat(down.atStep()).isGreaterThan(up.atStep() + 40);
        }
        assertThat(of(FaultKind.RESTART_KAFKA)).singleElement().satisfies(f -> assertThat(f.atStep()).isBetween(150, 179));
    }

    @Test
    void shouldMakeEveryRealmUnkindFromTheStartAndCalmItsRandomFaultsAfterTheLastStep() {
        for (String realm : REALMS) {
            List<Fault> faults = of(FaultKind.REALM_FAULTS).stream().filter(f -> f.target().equals(realm)).toList();
            assertThat(faults.get(0).atStep()).isZero();
            assertThat(faults.get(0).settings()).containsEntry("requestIdReplay", false)
                    .containsEntry("duplicateDocNumbers", "ALLOW").containsEntry("retryAfter", false);
            Fault unkind = faults.stream().filter(f -> f.settings().containsKey("lostReplyRate") && f.atStep() < 200)
                    .findFirst().orElseThrow();
            assertThat(((Number) unkind.settings().get("lostReplyRate")).doubleValue()).isPositive();
            assertThat(((Number) unkind.settings().get("timeoutRate")).doubleValue()).isPositive();
            assertThat(((Number) unkind.settings().get("errorRate")).doubleValue()).isPositive();
            assertThat(unkind.settings()).containsEntry("timeoutMs", 9000L);
            assertThat(faults.get(faults.size() - 1).atStep()).isEqualTo(200);
            assertThat(faults).anySatisfy(f -> assertThat(f.settings())
                    .isEqualTo(Map.of("lostReplyRate", 0.0, "timeoutRate", 0.0, "errorRate", 0.0)));
        }
    }

    @Test
    void shouldStormHalfTheRealmsWith429sAndEndTheStorm() {
        List<Fault> storms = of(FaultKind.REALM_FAULTS).stream().filter(f -> Integer.valueOf(1).equals(f.settings().get("requestsPerSecond")))
                .toList();
        assertThat(storms).hasSize(2);
        storms.forEach(storm -> assertThat(of(FaultKind.REALM_FAULTS)).anySatisfy(end -> {
            assertThat(end.target()).isEqualTo(storm.target());
            assertThat(end.atStep()).isGreaterThan(storm.atStep());
            assertThat(end.settings()).containsEntry("requestsPerSecond", 10);
        }));
        assertThat(schedule.inEffectAt(storms.get(0).atStep(), storms.get(0).target())).contains("429 storm");
        String calm = REALMS.stream().filter(r -> storms.stream().noneMatch(s -> s.target().equals(r))).findFirst().orElseThrow();
        assertThat(schedule.inEffectAt(storms.get(0).atStep(), calm)).doesNotContain("429 storm");
    }

    @Test
    void shouldDuplicateShuffleAndDropWebhooksUntilTheEnd() {
        List<Fault> webhooks = of(FaultKind.WEBHOOK_FAULTS);
        assertThat(webhooks).hasSize(2);
        assertThat(webhooks.get(0).settings()).containsEntry("shuffle", true).containsKeys("duplicates", "dropRate", "seed");
        assertThat((Integer) webhooks.get(0).settings().get("duplicates")).isGreaterThanOrEqualTo(2);
        assertThat(webhooks.get(1).atStep()).isEqualTo(200);
        assertThat(webhooks.get(1).settings()).containsEntry("duplicates", 1).containsEntry("shuffle", false);
    }

    @Test
    void shouldListFaultsInStepOrderAndHandThemOutStepByStep() {
        assertThat(schedule.faults()).isSortedAccordingTo((a, b) -> Integer.compare(a.atStep(), b.atStep()));
        int handedOut = 0;
        for (int step = 0; step <= 200; step++) {
            handedOut += schedule.at(step).size();
        }
        assertThat(handedOut).isEqualTo(schedule.faults().size());
    }

    @Test
    void shouldSayWhatWasGoingOnAtAStep() {
        Fault kill = of(FaultKind.KILL_SERVICE).get(0);
        assertThat(schedule.inEffectAt(kill.atStep() + 1, "r1")).contains(kill.target() + " killed at step " + kill.atStep());
        assertThat(schedule.inEffectAt(199, "r1")).anyMatch(s -> s.startsWith("webhooks duplicated"));
        Fault up = of(FaultKind.SECOND_INSTANCE_UP).get(0);
        Fault down = of(FaultKind.SECOND_INSTANCE_DOWN).stream().filter(f -> f.target().equals(up.target())).findFirst().orElseThrow();
        assertThat(schedule.inEffectAt(up.atStep(), "r1")).contains("second " + up.target() + " running");
        assertThat(schedule.inEffectAt(down.atStep(), "r1")).doesNotContain("second " + up.target() + " running");
    }

    private List<Fault> of(FaultKind kind) {
        return schedule.faults().stream().filter(f -> f.kind() == kind).toList();
    }
}
