package com.cpsync.deploy.demo;

/** How one step ended and what was seen. */
public record StepResult(ScenarioStep step, Status status, String detail) {

    public enum Status {
        PASSED, FAILED, NOT_YET_AVAILABLE
    }
}
