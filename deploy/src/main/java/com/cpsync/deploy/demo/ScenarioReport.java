package com.cpsync.deploy.demo;

import java.util.List;

/** The results of a demo run; it passed when no step failed (steps not yet available are not expected). */
public record ScenarioReport(List<StepResult> results) {

    public boolean passed() {
        return count(StepResult.Status.FAILED) == 0 && count(StepResult.Status.PASSED) > 0;
    }

    public long count(StepResult.Status status) {
        return results.stream().filter(r -> r.status() == status).count();
    }

    public String summary() {
        return String.format("%d passed, %d failed, %d not yet available: %s", count(StepResult.Status.PASSED),
                count(StepResult.Status.FAILED), count(StepResult.Status.NOT_YET_AVAILABLE),
                passed() ? "DEMO PASSED" : "DEMO FAILED");
    }
}
