package com.cpsync.deploy.demo;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Plays the steps in order. A step that needs a capability configured as not yet available is
 * reported as such without running; a failing step is recorded and the next steps still run, so
 * one report shows everything that works and everything that does not.
 */
public final class ScenarioRunner {

    private final Set<Capability> notYetAvailable;
    private final Consumer<String> progress;

    public ScenarioRunner(Set<Capability> notYetAvailable, Consumer<String> progress) {
        this.notYetAvailable = notYetAvailable.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(notYetAvailable);
        this.progress = progress;
    }

    public ScenarioReport run(List<ScenarioStep> steps) {
        List<StepResult> results = new ArrayList<>();
        int number = 0;
        for (ScenarioStep step : steps) {
            number++;
            StepResult result = play(step);
            results.add(result);
            progress.accept(String.format("%2d. %-18s %s%n      expected: %s%n      %s", number, result.status(),
                    step.name(), step.expectation(), result.detail()));
        }
        return new ScenarioReport(results);
    }

    private StepResult play(ScenarioStep step) {
        Set<Capability> missing = EnumSet.noneOf(Capability.class);
        step.needs().stream().filter(notYetAvailable::contains).forEach(missing::add);
        if (!missing.isEmpty()) {
            return new StepResult(step, StepResult.Status.NOT_YET_AVAILABLE, "not run: needs " + missing);
        }
        progress.accept("    ... " + step.name());
        try {
            return new StepResult(step, StepResult.Status.PASSED, "observed: " + step.action().run());
        }
        catch (RuntimeException ex) {
            return new StepResult(step, StepResult.Status.FAILED, "NOT observed: " + ex.getMessage());
        }
    }
}
