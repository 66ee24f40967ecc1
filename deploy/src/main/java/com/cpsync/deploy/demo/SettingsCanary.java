package com.cpsync.deploy.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import com.cpsync.deploy.chaos.Pause;

/**
 * Waits until cp-outbound has read a tenant's settings: a canary company per attempt, whose outcome says
 * "NEVER" exactly when the settings skip companies (a tenant whose settings it has not read yet is NEVER).
 * The chaos run and the benchmark start no workload before it.
 */
public record SettingsCanary(StandInApi centerpoint, Duration timeout) {

    private static final Logger log = LoggerFactory.getLogger(SettingsCanary.class);
    private static final Duration PER_CANARY = Duration.ofSeconds(30);

    /**
     * @param eventIds       the canary event id of each attempt (the chaos run's are seeded)
     * @param skipsCompanies whether the tenant's settings send no company
     */
    public void awaitSettingsTaken(String tenantId, String companyName, IntFunction<String> eventIds,
            boolean skipsCompanies) {
        Instant deadline = Instant.now().plus(timeout);
        for (int attempt = 0; Instant.now().isBefore(deadline); attempt++) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("type", attempt == 0 ? "CompanyCreated" : "CompanyUpdated");
            event.put("eventId", eventIds.apply(attempt));
            event.put("company", Map.of("id", "co-canary", "name", companyName, "email", "canary@example.com"));
            String eventId = (String) event.get("eventId");
            try {
                centerpoint.postEvent(tenantId, event);
            }
            catch (ExpectationNotMetException busy) {
                log.info("the canary of {} was not taken, trying again: {}", tenantId, busy.getMessage());
                continue;
            }
            JsonNode outcome = awaitOutcome(tenantId, eventId, PER_CANARY);
            if (outcome != null && outcome.path("reason").asString("").contains("NEVER") == skipsCompanies) {
                return;
            }
        }
        throw new IllegalStateException("cp-outbound-service never took the settings of " + tenantId
                + " (canary company)");
    }

    /** The outcome of one event, or null when none came in time; looked for at least once, also with no wait. */
    public JsonNode awaitOutcome(String tenantId, String eventId, Duration wait) {
        Instant deadline = Instant.now().plus(wait);
        while (true) {
            for (JsonNode outcome : outcomesIfAnswered(tenantId)) {
                if (eventId.equals(outcome.path("causationId").asString())) {
                    return outcome;
                }
            }
            if (!Instant.now().isBefore(deadline)) {
                return null;
            }
            Pause.of(Duration.ofMillis(100));
        }
    }

    /** A busy machine may keep the stand-in from answering in time: that reads as "nothing yet". */
    public List<JsonNode> outcomesIfAnswered(String tenantId) {
        try {
            return centerpoint.outcomes(tenantId);
        }
        catch (ExpectationNotMetException slow) {
            log.info("reading the outcomes of {} failed, reading again: {}", tenantId, slow.getMessage());
            return List.of();
        }
    }
}
