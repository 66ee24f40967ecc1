package com.cpsync.deploy.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The scripted demo: five tenants, each connected to its own sandbox realm through the real OAuth
 * flow; the company, project, ticket and invoice rules of DESIGN.md §4 outbound; the inbound loop
 * (customer, project invoice and payments created in QBO arriving in Centerpoint, and no echoes
 * either way); the ops console's actions (resolve a held conflict, replay a dead letter); and last, tenant
 * isolation during one realm's outage. Only public HTTP APIs are used: the stand-in's, the sandbox's and the
 * console's.
 */
public final class DemoScenario {

    private final OutboundSteps outbound;
    private final InboundSteps inbound;
    private final ConsoleSteps console;

    public DemoScenario(StandInApi centerpoint, SandboxApi qbo, OpsConsoleApi console, Poller poller,
            Duration timeout) {
        DemoContext context = new DemoContext(centerpoint, qbo, poller, timeout, new LinkedHashMap<>());
        this.outbound = new OutboundSteps(context);
        this.inbound = new InboundSteps(context);
        this.console = new ConsoleSteps(context, console);
    }

    public List<ScenarioStep> steps() {
        List<ScenarioStep> steps = new ArrayList<>(outbound.setup());
        steps.addAll(outbound.steps());
        steps.addAll(inbound.steps());
        steps.addAll(console.steps());
        steps.addAll(outbound.isolation());
        return steps;
    }
}
