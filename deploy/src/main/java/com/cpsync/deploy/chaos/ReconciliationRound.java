package com.cpsync.deploy.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import com.cpsync.deploy.demo.ExpectationNotMetException;
import com.cpsync.deploy.demo.OpsConsoleApi;

/** Asks the ops console to reconcile every tenant at once, and waits for each report (or the deadline). */
record ReconciliationRound(OpsConsoleApi console, List<String> tenantIds, Duration timeout) {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationRound.class);

    Reconciliations run() {
        Map<String, Long> started = new LinkedHashMap<>();
        for (String tenant : tenantIds) {
            try {
                started.put(tenant, console.startReconciliation(tenant));
            }
            catch (ExpectationNotMetException refused) {
                log.warn("the console did not start a reconciliation of {}: {}", tenant, refused.getMessage());
            }
        }
        Map<String, JsonNode> reports = new LinkedHashMap<>();
        tenantIds.forEach(tenant -> reports.put(tenant, JsonNodeFactory.instance.objectNode()));
        Instant deadline = Instant.now().plus(timeout);
        for (Map.Entry<String, Long> running : started.entrySet()) {
            reports.put(running.getKey(), awaitReport(running.getKey(), running.getValue(), deadline));
        }
        return Reconciliations.of(reports);
    }

    private JsonNode awaitReport(String tenant, long id, Instant deadline) {
        JsonNode report = JsonNodeFactory.instance.objectNode();
        while (Instant.now().isBefore(deadline)) {
            try {
                report = console.reconciliation(tenant, id);
            }
            catch (ExpectationNotMetException busy) {
                log.info("reading reconciliation {} of {} failed, reading again: {}", id, tenant, busy.getMessage());
            }
            if (!"RUNNING".equals(report.path("status").asString("RUNNING"))) {
                return report;
            }
            Pause.of(Duration.ofSeconds(1));
        }
        return report;
    }
}
