package com.cpsync.deploy.demo;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScenarioRunnerTest {

    private final List<String> progress = new ArrayList<>();
    private final List<String> ran = new ArrayList<>();

    private ScenarioStep step(String name, Set<Capability> needs, ScenarioStep.Action action) {
        return new ScenarioStep(name, "expected " + name, needs, () -> {
            ran.add(name);
            return action.run();
        });
    }

    @Test
    void shouldPassWhenEveryStepObservesItsOutcome() {
        ScenarioReport report = new ScenarioRunner(Set.of(), progress::add).run(List.of(
                step("connect", Set.of(Capability.CONNECTION), () -> "connected"),
                step("company", Set.of(Capability.COMPANIES), () -> "customer 58")));

        assertThat(report.passed()).isTrue();
        assertThat(report.results()).extracting(StepResult::status)
                .containsExactly(StepResult.Status.PASSED, StepResult.Status.PASSED);
        assertThat(report.results().get(1).detail()).isEqualTo("observed: customer 58");
        assertThat(String.join("\n", progress)).contains("PASSED", "company", "expected: expected company");
    }

    @Test
    void shouldReportAFailedExpectationAndStillPlayTheNextSteps() {
        ScenarioReport report = new ScenarioRunner(Set.of(), progress::add).run(List.of(
                step("company", Set.of(Capability.COMPANIES), () -> {
                    throw new ExpectationNotMetException("QBO customer 'Acme': not observed within 30 s");
                }),
                step("project", Set.of(Capability.PROJECTS), () -> "job 59")));

        assertThat(report.passed()).isFalse();
        assertThat(ran).containsExactly("company", "project");
        assertThat(report.results().get(0).status()).isEqualTo(StepResult.Status.FAILED);
        assertThat(report.results().get(0).detail()).contains("NOT observed: QBO customer 'Acme'");
        assertThat(report.summary()).isEqualTo("1 passed, 1 failed, 0 not yet available: DEMO FAILED");
    }

    @Test
    void shouldNotRunStepsNeedingACapabilityConfiguredAsNotYetAvailable() {
        ScenarioReport report = new ScenarioRunner(EnumSet.of(Capability.INBOUND), progress::add).run(List.of(
                step("company", Set.of(Capability.COMPANIES), () -> "customer"),
                step("inbound payment", Set.of(Capability.INBOUND, Capability.PROJECTS), () -> "payment")));

        assertThat(ran).containsExactly("company");
        assertThat(report.results().get(1).status()).isEqualTo(StepResult.Status.NOT_YET_AVAILABLE);
        assertThat(report.results().get(1).detail()).isEqualTo("not run: needs [INBOUND]");
        assertThat(report.passed()).isTrue();
        assertThat(report.summary()).isEqualTo("1 passed, 0 failed, 1 not yet available: DEMO PASSED");
    }

    @Test
    void shouldNotPassWhenNothingWasPlayed() {
        ScenarioReport report = new ScenarioRunner(EnumSet.allOf(Capability.class), progress::add).run(List.of(
                step("company", Set.of(Capability.COMPANIES), () -> "customer")));

        assertThat(report.passed()).isFalse();
    }
}
