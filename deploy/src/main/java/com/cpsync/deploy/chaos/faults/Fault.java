package com.cpsync.deploy.chaos.faults;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One fault, applied just before the workload step {@code atStep} is played ({@code atStep} equal to
 * the number of steps: after the last). {@code target} is a service name or a realm id.
 */
public record Fault(int atStep, FaultKind kind, String target, Map<String, Object> settings) {

    public Fault {
        // sorted, so the same schedule reads the same in every run
        settings = Collections.unmodifiableMap(new TreeMap<>(settings));
    }

    public String describe() {
        String what = kind.name().toLowerCase().replace('_', ' ');
        return "step " + atStep + ": " + what + (target == null ? "" : " " + target) + (settings.isEmpty() ? "" : " " + settings);
    }
}
