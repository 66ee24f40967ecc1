package com.cpsync.deploy.demo;

import java.util.Set;

/**
 * One named step of the demo: what it does and the outcome it expects, the capabilities it needs,
 * and the action that performs it and returns what was observed (or throws
 * {@link ExpectationNotMetException}).
 */
public record ScenarioStep(String name, String expectation, Set<Capability> needs, Action action) {

    @FunctionalInterface
    public interface Action {
        /** @return what was observed, for the report */
        String run();
    }
}
