package com.cpsync.deploy.chaos;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cpsync.deploy.chaos.workload.TenantPlan;
import com.cpsync.deploy.chaos.workload.Workload;
import com.cpsync.deploy.demo.ExpectationNotMetException;
import com.cpsync.deploy.demo.SettingsCanary;
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
        // a canary company per tenant (not audited), with seeded event ids
        SettingsCanary canary = new SettingsCanary(centerpoint, SETUP_TIMEOUT);
        for (TenantPlan tenant : workload.tenants()) {
            try {
                canary.awaitSettingsTaken(tenant.tenantId(), "Z0000 Canary " + tenant.tenantId(),
                        attempt -> UUID.nameUUIDFromBytes(("canary:" + seed + ":" + tenant.tenantId() + ":" + attempt)
                                .getBytes(StandardCharsets.UTF_8)).toString(),
                        "NEVER".equals(tenant.profile().settings().get("companiesToQbo")));
            }
            catch (IllegalStateException ex) {
                throw new IllegalStateException(ex.getMessage() + "; see " + logsDir, ex);
            }
        }
        log.info("{} tenants connected, settings in effect", workload.tenants().size());
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
