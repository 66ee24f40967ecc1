package com.cpsync.deploy.demo;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoScenarioTest {

    private final List<ScenarioStep> steps = new DemoScenario(new StandInApi(new JsonHttp(), "http://localhost:1"),
            new SandboxApi(new JsonHttp(), "http://localhost:1"),
            OpsConsoleApi.as(new JsonHttp(), "http://localhost:1", "ops", "local-ops-password"), Poller.standard(),
            Duration.ofSeconds(1)).steps();

    @Test
    void shouldStateAnExpectationAndTheNeededCapabilitiesForEveryStep() {
        assertThat(steps).allSatisfy(step -> {
            assertThat(step.name()).isNotBlank();
            assertThat(step.expectation()).isNotBlank();
            assertThat(step.needs()).isNotEmpty();
        });
        assertThat(steps).extracting(ScenarioStep::name).doesNotHaveDuplicates();
    }

    @Test
    void shouldConnectFirstCoverEveryCapabilityAndEndWithTheOutage() {
        assertThat(steps.get(0).needs()).containsExactly(Capability.CONNECTION);
        assertThat(steps.get(1).needs()).containsExactly(Capability.SETTINGS);
        assertThat(steps.stream().flatMap(step -> step.needs().stream())).contains(Capability.values());
        assertThat(steps.get(steps.size() - 1).needs()).contains(Capability.ISOLATION);
    }

    @Test
    void shouldFailAStepWhoseServiceDoesNotAnswerAndSayWhere() {
        ScenarioReport report = new ScenarioRunner(java.util.Set.of(), line -> { }).run(steps.subList(1, 2));

        assertThat(report.passed()).isFalse();
        assertThat(report.results()).singleElement().satisfies(result -> {
            assertThat(result.status()).isEqualTo(StepResult.Status.FAILED);
            assertThat(result.detail()).contains("PUT http://localhost:1/tenants/acme-builders/settings failed");
        });
    }
}
