package com.cpsync.deploy.chaos;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import com.cpsync.deploy.chaos.workload.TenantPlan;
import com.cpsync.deploy.chaos.workload.Workload;
import com.cpsync.deploy.demo.ExpectationNotMetException;
import com.cpsync.deploy.demo.StandInApi;

/** Connects every chaos tenant to its realm, publishes its settings and waits until cp-outbound has read them. */
record TenantSetup(Workload workload, StandInApi centerpoint, long seed, Path logsDir) {

    private static final Logger log = LoggerFactory.getLogger(TenantSetup.class);
    private static final Duration SETUP_TIMEOUT = Duration.ofSeconds(180);

    void connectAndConfigure() {
        for (TenantPlan tenant : workload.tenants()) {
            retry("connecting " + tenant.tenantId(), () -> centerpoint.connect(tenant.tenantId(), tenant.realmId()));
            retry("settings of " + tenant.tenantId(), () -> centerpoint.putSettings(tenant.tenantId(), tenant.profile().settings()));
        }
        for (TenantPlan tenant : workload.tenants()) {
            awaitSettingsTaken(centerpoint, tenant);
        }
        log.info("{} tenants connected, settings in effect", workload.tenants().size());
    }

    /**
     * A canary company per tenant (not audited): its outcome shows cp-outbound has read the tenant's
     * settings (a tenant without settings is NEVER), so no workload event meets a service that has not.
     */
    private void awaitSettingsTaken(StandInApi centerpoint, TenantPlan tenant) {
        Instant deadline = Instant.now().plus(SETUP_TIMEOUT);
        int attempt = 0;
        while (Instant.now().isBefore(deadline)) {
            String eventId = UUID.nameUUIDFromBytes(("canary:" + seed + ":" + tenant.tenantId() + ":" + attempt++)
                    .getBytes(StandardCharsets.UTF_8)).toString();
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("type", attempt == 1 ? "CompanyCreated" : "CompanyUpdated");
            event.put("eventId", eventId);
            event.put("company", Map.of("id", "co-canary", "name", "Z0000 Canary " + tenant.tenantId(),
                    "email", "canary@example.com"));
            retry("canary of " + tenant.tenantId(), () -> centerpoint.postEvent(tenant.tenantId(), event));
            Instant canaryDeadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(canaryDeadline)) {
                List<JsonNode> outcomes = outcomesOf(centerpoint, tenant.tenantId()).stream()
                        .filter(o -> eventId.equals(o.path("causationId").asString())).toList();
                if (!outcomes.isEmpty()) {
                    if (outcomes.stream().noneMatch(o -> o.path("reason").asString("").contains("NEVER"))) {
                        return;
                    }
                    break;
                }
                Pause.of(Duration.ofSeconds(1));
            }
        }
        throw new IllegalStateException("cp-outbound-service never took the settings of " + tenant.tenantId()
                + " (canary company); see " + logsDir);
    }

    /** A busy machine may keep the stand-in from answering in time: that is "nothing yet". */
    private static List<JsonNode> outcomesOf(StandInApi centerpoint, String tenantId) {
        try {
            return centerpoint.outcomes(tenantId);
        }
        catch (ExpectationNotMetException ex) {
            log.info("reading the outcomes of {} failed, reading again: {}", tenantId, ex.getMessage());
            return List.of();
        }
    }

    private static void retry(String what, Runnable call) {
        Instant deadline = Instant.now().plus(SETUP_TIMEOUT);
        while (true) {
            try {
                call.run();
                return;
            }
            catch (ExpectationNotMetException ex) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(what + " failed for " + SETUP_TIMEOUT.toSeconds() + " s: " + ex.getMessage(), ex);
                }
                log.info("{} failed, trying again: {}", what, ex.getMessage());
                Pause.of(Duration.ofSeconds(2));
            }
        }
    }
}
