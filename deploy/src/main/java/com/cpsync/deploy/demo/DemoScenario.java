package com.cpsync.deploy.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The scripted demo: five tenants, each connected to its own sandbox realm through the real OAuth
 * flow; the company, project, ticket and invoice rules of DESIGN.md §4 outbound; the inbound loop
 * (customer, project invoice and payments created in QBO arriving in Centerpoint, and no echoes
 * either way); and last, tenant isolation during one realm's outage. Only public HTTP APIs are
 * used: the stand-in's and the sandbox's.
 */
public final class DemoScenario {

    private final OutboundSteps outbound;
    private final InboundSteps inbound;

    public DemoScenario(StandInApi centerpoint, SandboxApi qbo, Poller poller, Duration timeout) {
        DemoContext context = new DemoContext(centerpoint, qbo, poller, timeout, new LinkedHashMap<>());
        this.outbound = new OutboundSteps(context);
        this.inbound = new InboundSteps(context);
    }

    public List<ScenarioStep> steps() {
        List<ScenarioStep> steps = new ArrayList<>(outbound.setup());
        steps.addAll(outbound.steps());
        steps.addAll(inbound.steps());
        steps.addAll(outbound.isolation());
        return steps;
    }
}
