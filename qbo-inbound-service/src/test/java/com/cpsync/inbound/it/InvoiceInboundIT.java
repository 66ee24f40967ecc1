package com.cpsync.inbound.it;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.cpsync.schemas.avro.DeleteProjectInvoice;
import com.cpsync.schemas.avro.SyncAction;
import com.cpsync.schemas.avro.SyncEntityType;
import com.cpsync.schemas.avro.UpsertProjectInvoice;

import static com.cpsync.inbound.it.QboBodies.invoice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** QBO invoices of synced projects become Centerpoint project invoices: new, changed, voided, deleted. */
class InvoiceInboundIT extends InboundItBase {

    /** Every project invoice switch at true and at false, each row through the sandbox's real API and signed webhooks. */
    @Test
    void shouldFollowEveryProjectInvoiceSettingForRealSandboxChanges() throws Exception {
        SettingRow.runTable("projectInvoice", Map.of(
                "getNewProjectInvoices", this::newProjectInvoice,
                "getProjectInvoiceChanges", this::changedAndVoidedProjectInvoice,
                "deleteProjectInvoicesDeletedInQbo", this::deletedProjectInvoice));
    }

    private void newProjectInvoice(SettingRow row) {
        String job = syncedProject(row);
        publish(row.settings());
        String id = stack.create(row.realm(), "Invoice", invoice(job, "280.00")).path("Id").asString();

        row.expectOutcome(id, SyncEntityType.PROJECT_INVOICE, SyncAction.CREATE);
        if (row.on()) {
            assertThat(commandsFor(row.tenant(), "Invoice", id)).singleElement().satisfies(c -> {
                UpsertProjectInvoice upsert = (UpsertProjectInvoice) c.getPayload();
                assertThat(upsert.getProjectId()).isEqualTo("p-" + row.realm());
                assertThat(upsert.getTotal()).isEqualTo("280.00");
                assertThat(upsert.getVoided()).isFalse();
            });
        }
        else {
            assertThat(commandsFor(row.tenant(), "Invoice", id)).isEmpty();
        }
    }

    private void changedAndVoidedProjectInvoice(SettingRow row) {
        String id = importedProjectInvoice(row);
        JsonNode changed = stack.update(row.realm(), "Invoice", "{\"Id\":\"" + id
                + "\",\"SyncToken\":\"0\",\"sparse\":true,\"DueDate\":\"2026-12-31\"}");

        row.expectOutcome(id, SyncEntityType.PROJECT_INVOICE, SyncAction.UPDATE);
        // a void keeps the invoice in Centerpoint, marked voided, under the same setting
        stack.voidInvoice(row.realm(), id, changed.path("SyncToken").asString());
        row.expectOutcome(id, SyncEntityType.PROJECT_INVOICE, SyncAction.VOID);
        List<UpsertProjectInvoice> upserts = commandsFor(row.tenant(), "Invoice", id).stream()
                .map(c -> (UpsertProjectInvoice) c.getPayload()).toList();
        if (row.on()) {
            assertThat(upserts).hasSize(3);
            assertThat(upserts.get(1).getDueDate()).hasToString("2026-12-31");
            assertThat(upserts.get(1).getVoided()).isFalse();
            assertThat(upserts.get(2).getVoided()).isTrue();
            assertThat(upserts.get(2).getProjectId()).isEqualTo("p-" + row.realm());
        }
        else {
            assertThat(upserts).as("only the import").hasSize(1);
        }
    }

    private void deletedProjectInvoice(SettingRow row) {
        String id = importedProjectInvoice(row);
        row.expectDeleteOnlyWhenOn("Invoice", id, SyncEntityType.PROJECT_INVOICE,
                new DeleteProjectInvoice("p-" + row.realm(), id));
    }

    /** A project sub-customer linked as cp-outbound-service links a synced project. */
    private String syncedProject(SettingRow row) {
        row.connectWithoutSettings();
        String parent = stack.create(row.realm(), "Customer", "{\"DisplayName\":\"Owner " + row.realm() + "\"}")
                .path("Id").asString();
        String job = stack.create(row.realm(), "Customer", "{\"DisplayName\":\"Job " + row.realm() + "\",\"Job\":true,"
                + "\"BillWithParent\":true,\"ParentRef\":{\"value\":\"" + parent + "\"}}").path("Id").asString();
        stack.link(row.tenant(), "PROJECT", "p-" + row.realm(), job);
        return job;
    }

    /** An invoice of a synced project that this service already imported (so later changes are changes). */
    private String importedProjectInvoice(SettingRow row) {
        String job = syncedProject(row);
        publish(row.settings());
        String id = stack.create(row.realm(), "Invoice", invoice(job, "280.00")).path("Id").asString();
        await().atMost(WAIT).untilAsserted(() -> assertThat(commandsFor(row.tenant(), "Invoice", id)).hasSize(1));
        return id;
    }
}
