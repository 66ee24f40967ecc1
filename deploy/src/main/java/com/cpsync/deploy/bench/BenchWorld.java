package com.cpsync.deploy.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;

import com.cpsync.deploy.ControllableStack;
import com.cpsync.deploy.chaos.Pause;
import com.cpsync.deploy.demo.JsonHttp;
import com.cpsync.deploy.demo.SandboxApi;
import com.cpsync.deploy.demo.SettingsCanary;
import com.cpsync.deploy.demo.StandInApi;

/** The running stack as the scenarios use it: tenants, events, the sandbox's counters, outcomes awaited. */
final class BenchWorld {

    static final Map<String, Object> SKIP_EVERYTHING = Map.of("companiesToQbo", "NEVER");
    static final Map<String, Object> COMPANIES_OUT = Map.of("companiesToQbo", "WHEN_CREATED",
            "nameConflictPolicy", "SUFFIX");

    private final ControllableStack stack;
    private final JsonHttp http = new JsonHttp();
    private final StandInApi centerpoint;
    private final SandboxApi qbo;
    private final SettingsCanary canary;
    private final long latencyMs;

    BenchWorld(ControllableStack stack, long latencyMs) {
        this.stack = stack;
        this.centerpoint = new StandInApi(http, stack.url(ControllableStack.CENTERPOINT));
        this.qbo = new SandboxApi(http, stack.url(ControllableStack.SANDBOX));
        this.canary = new SettingsCanary(centerpoint, Duration.ofMinutes(3));
        this.latencyMs = latencyMs;
    }

    ControllableStack stack() {
        return stack;
    }

    SandboxApi qbo() {
        return qbo;
    }

    long latencyMs() {
        return latencyMs;
    }

    /**
     * Connects the tenant to its realm at the sandbox's latency and QBO's own limits, publishes its settings, and
     * waits until cp-outbound applies them: a canary company's outcome no longer says "NEVER" (or, for settings
     * that skip companies, says it).
     */
    void tenant(String tenantId, String realmId, Map<String, Object> settings) {
        centerpoint.connect(tenantId, realmId);
        http.put(stack.url(ControllableStack.SANDBOX) + "/admin/realms/" + realmId + "/faults",
                Map.of("latencyMs", latencyMs)).expectSuccess("latency of realm " + realmId);
        centerpoint.putSettings(tenantId, settings);
        boolean skipsCompanies = "NEVER".equals(settings.getOrDefault("companiesToQbo", "NEVER"));
        canary.awaitSettingsTaken(tenantId, "Z Canary " + tenantId, attempt -> UUID.randomUUID().toString(),
                skipsCompanies);
    }

    /** Publishes new settings without waiting for a canary (one behind a long backlog would wait for all of it). */
    void settings(String tenantId, Map<String, Object> settings) {
        centerpoint.putSettings(tenantId, settings);
    }

    /** Posts the event with an id of its own; returns that id (the outcomes' causationId). */
    String post(String tenantId, Map<String, Object> event) {
        Map<String, Object> withId = new LinkedHashMap<>(event);
        withId.put("eventId", UUID.randomUUID().toString());
        return centerpoint.postEvent(tenantId, withId);
    }

    static Map<String, Object> company(String id, String name) {
        return Map.of("type", "CompanyCreated", "company", Map.of("id", id, "name", name, "email", id + "@bench.example"));
    }

    static Map<String, Object> companyUpdated(String id, String name, String email) {
        return Map.of("type", "CompanyUpdated", "company", Map.of("id", id, "name", name, "email", email));
    }

    static Map<String, Object> serviceInvoice(String id, String companyId, String number) {
        return Map.of("type", "ServiceInvoiceCreated", "invoice", Map.of("id", id, "companyId", companyId,
                "ticketId", "t-" + id, "number", number, "issueDate", "2026-11-02", "dueDate", "2026-12-02",
                "lines", List.of(Map.of("description", "Labour", "quantity", "2", "unitPrice", "95.00",
                        "amount", "190.00")),
                "total", "190.00"));
    }

    List<JsonNode> outcomes(String tenantId) {
        return canary.outcomesIfAnswered(tenantId);
    }

    /** The outcome of one event, or null when none came in time. */
    JsonNode awaitOutcome(String tenantId, String eventId, Duration timeout) {
        return canary.awaitOutcome(tenantId, eventId, timeout);
    }

    /** Waits until {@code count} of the tenant's outcomes match; returns them (fewer when the time ran out). */
    List<JsonNode> awaitOutcomes(String tenantId, Predicate<JsonNode> matching, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<JsonNode> matched = List.of();
        while (Instant.now().isBefore(deadline)) {
            matched = outcomes(tenantId).stream().filter(matching).toList();
            if (matched.size() >= count) {
                return matched;
            }
            // a long list costs the stand-in a large answer each look: look less often while many are missing
            Pause.of(Duration.ofMillis(count - matched.size() > 1_000 ? 5_000 : 500));
        }
        return matched;
    }

    /** The realm's counters at the sandbox: requests, reads, writes, byStatus. */
    JsonNode stats(String realmId) {
        return http.get(stack.url(ControllableStack.SANDBOX) + "/admin/realms/" + realmId + "/stats")
                .expectSuccess("stats of realm " + realmId).body();
    }

    static Instant occurredAt(JsonNode outcome) {
        return Instant.parse(outcome.path("occurredAt").asString());
    }

    static boolean is(JsonNode outcome, String result) {
        return result.equals(outcome.path("result").asString());
    }
}
