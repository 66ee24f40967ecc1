package com.cpsync.inbound.it;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

import com.cpsync.schemas.avro.CenterpointCommand;
import com.cpsync.schemas.avro.SyncAction;
import com.cpsync.schemas.avro.SyncEntityType;
import com.cpsync.schemas.avro.SyncOutcome;
import com.cpsync.schemas.avro.SyncResult;
import com.cpsync.schemas.avro.SyncSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One row of a settings table: the switch under test and its value, with its own tenant and realm. A row
 * turns on every switch of its entity (so earlier steps can import what a change or delete needs) and
 * sets the switch under test to the row's value.
 */
record SettingRow(String setting, boolean on, String tenant, String realm) {

    /** The inbound switches of SyncSettings, by the entity they govern. */
    static final Map<String, List<String>> ENTITY_SWITCHES = Map.of(
            "company", List.of("getNewCompaniesFromQbo", "getCompanyChangesFromQbo"),
            "projectInvoice", List.of("getNewProjectInvoices", "getProjectInvoiceChanges",
                    "deleteProjectInvoicesDeletedInQbo"),
            "payment", List.of("getNewPayments", "getPaymentChanges", "deletePaymentsDeletedInQbo"));

    /**
     * Runs every switch of one entity at true and at false, each row with its own tenant and realm and all
     * at the same time, so the table costs about as much as its slowest row.
     */
    static void runTable(String entity, Map<String, Consumer<SettingRow>> scenarios) throws InterruptedException {
        assertThat(scenarios.keySet()).as("every " + entity + " switch").containsExactlyInAnyOrderElementsOf(
                ENTITY_SWITCHES.get(entity));
        ExecutorService rows = Executors.newFixedThreadPool(scenarios.size() * 2);
        try {
            Map<String, Future<?>> running = new LinkedHashMap<>();
            scenarios.forEach((setting, scenario) -> {
                for (boolean on : List.of(true, false)) {
                    String suffix = Integer.toHexString(setting.hashCode()) + (on ? "-on" : "-off");
                    running.put(setting + "=" + on, rows.submit(
                            () -> scenario.accept(new SettingRow(setting, on, "t-set-" + suffix, "r-set-" + suffix))));
                }
            });
            Map<String, String> failures = new LinkedHashMap<>();
            for (Map.Entry<String, Future<?>> row : running.entrySet()) {
                try {
                    row.getValue().get(90, TimeUnit.SECONDS);
                }
                catch (ExecutionException | java.util.concurrent.TimeoutException failed) {
                    failures.put(row.getKey(), failed.getCause() == null ? failed.toString() : failed.getCause().toString());
                }
            }
            assertThat(failures).as("rows that failed").isEmpty();
            assertThat(running).hasSize(scenarios.size() * 2);
        }
        finally {
            rows.shutdownNow();
        }
    }

    /** Connects the row's tenant without settings: what a step does before it publishes them. */
    void connectWithoutSettings() {
        InboundItBase.stack.connect(tenant, realm);
        InboundItBase.stack.liftLimits(realm);
    }

    /** Every switch of the row's entity on, the one under test at the row's value, the rest off. */
    SyncSettings.Builder settings() {
        SyncSettings.Builder builder = InboundItBase.settings(tenant);
        ENTITY_SWITCHES.values().stream().filter(group -> group.contains(setting)).flatMap(List::stream)
                .forEach(name -> set(builder, name, true));
        return set(builder, setting, on);
    }

    static SyncSettings.Builder set(SyncSettings.Builder builder, String name, boolean value) {
        return switch (name) {
            case "getNewCompaniesFromQbo" -> builder.setGetNewCompaniesFromQbo(value);
            case "getCompanyChangesFromQbo" -> builder.setGetCompanyChangesFromQbo(value);
            case "getNewProjectInvoices" -> builder.setGetNewProjectInvoices(value);
            case "getProjectInvoiceChanges" -> builder.setGetProjectInvoiceChanges(value);
            case "deleteProjectInvoicesDeletedInQbo" -> builder.setDeleteProjectInvoicesDeletedInQbo(value);
            case "getNewPayments" -> builder.setGetNewPayments(value);
            case "getPaymentChanges" -> builder.setGetPaymentChanges(value);
            case "deletePaymentsDeletedInQbo" -> builder.setDeletePaymentsDeletedInQbo(value);
            default -> throw new IllegalArgumentException(name);
        };
    }

    /**
     * Waits for the decision about this change: SYNCED when the switch is on, SKIPPED_BY_SETTINGS naming
     * the switch when it is off, and never the other one.
     */
    void expectOutcome(String qboId, SyncEntityType entity, SyncAction action) {
        Predicate<SyncOutcome> thisChange = o -> o.getEntityType() == entity && o.getAction() == action;
        await().atMost(InboundItBase.WAIT).untilAsserted(() -> assertThat(InboundItBase.outcomes(tenant, qboId))
                .filteredOn(thisChange).anySatisfy(o -> {
                    if (on) {
                        assertThat(o.getResult()).isEqualTo(SyncResult.SYNCED);
                    }
                    else {
                        assertThat(o.getResult()).isEqualTo(SyncResult.SKIPPED_BY_SETTINGS);
                        assertThat(o.getReason()).isEqualTo(setting + " is off");
                    }
                }));
        assertThat(InboundItBase.outcomes(tenant, qboId)).filteredOn(thisChange).extracting(SyncOutcome::getResult)
                .doesNotContain(on ? SyncResult.SKIPPED_BY_SETTINGS : SyncResult.SYNCED);
    }

    /** Deletes an imported transaction in QBO: its delete command comes when the switch is on, and only then. */
    void expectDeleteOnlyWhenOn(String qboEntity, String id, SyncEntityType entity, Object expectedDelete) {
        InboundItBase.stack.delete(realm, qboEntity, id, "0");

        expectOutcome(id, entity, SyncAction.DELETE);
        List<Object> deletes = InboundItBase.commandsFor(tenant, qboEntity, id).stream()
                .map(CenterpointCommand::getPayload).filter(expectedDelete.getClass()::isInstance).toList();
        if (on) {
            assertThat(deletes).containsExactly(expectedDelete);
        }
        else {
            assertThat(deletes).isEmpty();
        }
    }
}
