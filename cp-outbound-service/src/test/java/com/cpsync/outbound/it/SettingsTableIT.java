package com.cpsync.outbound.it;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import com.cpsync.schemas.avro.CompaniesToQbo;
import com.cpsync.schemas.avro.CompanyCreated;
import com.cpsync.schemas.avro.Project;
import com.cpsync.schemas.avro.ProjectCreated;
import com.cpsync.schemas.avro.ProjectInvoiced;
import com.cpsync.schemas.avro.ProjectUpdated;
import com.cpsync.schemas.avro.ProjectsToQbo;
import com.cpsync.schemas.avro.ServiceInvoice;
import com.cpsync.schemas.avro.ServiceInvoiceCreated;
import com.cpsync.schemas.avro.ServiceInvoiceSent;
import com.cpsync.schemas.avro.ServiceInvoicesToQbo;
import com.cpsync.schemas.avro.ServiceTicket;
import com.cpsync.schemas.avro.ServiceTicketCreated;
import com.cpsync.schemas.avro.ServiceTicketUpdated;
import com.cpsync.schemas.avro.ServiceTicketsToQbo;
import com.cpsync.schemas.avro.SyncResult;

import static com.cpsync.outbound.it.ItFixtures.company;
import static com.cpsync.outbound.it.ItFixtures.invoice;
import static org.assertj.core.api.Assertions.assertThat;

/** Every value of every outbound setting (issue 3): one script of events, and what exists in QBO after it. */
class SettingsTableIT extends OutboundItBase {

    /** One row: settings over the baseline (companies as given, the rest off) and what must exist after the script. */
    record SettingsCase(String name, CompaniesToQbo companies, SettingsCustomizer settings, int customers,
            String projectJob, String ticketJob, int invoices, String invoiceBills, Map<String, SyncResult> firstResults) {

        @Override
        public String toString() {
            return name;
        }
    }

    static List<SettingsCase> everySettingValue() {
        SettingsCustomizer none = s -> { };
        return List.of(
                new SettingsCase("companies NEVER", CompaniesToQbo.NEVER, none, 0, null, null, 0, null,
                        Map.of("c1", SyncResult.SKIPPED_BY_SETTINGS)),
                new SettingsCase("companies WHEN_CREATED, projects NO, tickets NO, invoices NEVER",
                        CompaniesToQbo.WHEN_CREATED, none, 1, null, null, 0, null,
                        Map.of("c1", SyncResult.SYNCED, "p1", SyncResult.SKIPPED_BY_SETTINGS,
                                "t1", SyncResult.SKIPPED_BY_SETTINGS, "i1", SyncResult.SKIPPED_BY_SETTINGS)),
                new SettingsCase("companies WHEN_FIRST_PROJECT_OR_TICKET_SENT",
                        CompaniesToQbo.WHEN_FIRST_PROJECT_OR_TICKET_SENT, none, 1, null, null, 0, null,
                        Map.of("c1", SyncResult.SKIPPED_BY_SETTINGS)),
                new SettingsCase("projects WHEN_CREATED, no changes", CompaniesToQbo.WHEN_CREATED,
                        s -> s.setProjectsToQbo(ProjectsToQbo.WHEN_CREATED), 1, "Kitchen", null, 0, null,
                        Map.of("p1", SyncResult.SYNCED)),
                new SettingsCase("projects WHEN_CREATED, send changes", CompaniesToQbo.WHEN_CREATED,
                        s -> s.setProjectsToQbo(ProjectsToQbo.WHEN_CREATED).setSendProjectChanges(true), 1,
                        "Kitchen v2", null, 0, null, Map.of("p1", SyncResult.SYNCED)),
                new SettingsCase("projects WHEN_INVOICED", CompaniesToQbo.WHEN_CREATED,
                        s -> s.setProjectsToQbo(ProjectsToQbo.WHEN_INVOICED), 1, "Kitchen", null, 0, null,
                        Map.of("p1", SyncResult.SKIPPED_BY_SETTINGS)),
                new SettingsCase("tickets WHEN_INVOICED, no changes", CompaniesToQbo.WHEN_CREATED,
                        s -> s.setServiceTicketsToQbo(ServiceTicketsToQbo.WHEN_INVOICED), 1, null,
                        "Ticket T-1 - Leaky tap", 0, null, Map.of("t1", SyncResult.SKIPPED_BY_SETTINGS)),
                new SettingsCase("tickets WHEN_INVOICED, send changes", CompaniesToQbo.WHEN_CREATED,
                        s -> s.setServiceTicketsToQbo(ServiceTicketsToQbo.WHEN_INVOICED)
                                .setSendServiceTicketChanges(true), 1, null, "Ticket T-1 - Tap replaced", 0, null,
                        Map.of("t1", SyncResult.SKIPPED_BY_SETTINGS)),
                new SettingsCase("tickets WHEN_INVOICE_SENT", CompaniesToQbo.WHEN_CREATED,
                        s -> s.setServiceTicketsToQbo(ServiceTicketsToQbo.WHEN_INVOICE_SENT), 1, null,
                        "Ticket T-1 - Leaky tap", 0, null, Map.of("t1", SyncResult.SKIPPED_BY_SETTINGS)),
                new SettingsCase("invoices WHEN_CREATED billing the company", CompaniesToQbo.WHEN_CREATED,
                        s -> s.setServiceInvoicesToQbo(ServiceInvoicesToQbo.WHEN_CREATED), 1, null, null, 1,
                        "customer", Map.of("i1", SyncResult.SYNCED)),
                new SettingsCase("invoices WHEN_SENT", CompaniesToQbo.WHEN_CREATED,
                        s -> s.setServiceInvoicesToQbo(ServiceInvoicesToQbo.WHEN_SENT), 1, null, null, 1, "customer",
                        Map.of("i1", SyncResult.SKIPPED_BY_SETTINGS)),
                new SettingsCase("invoices WHEN_CREATED billing the ticket's job", CompaniesToQbo.WHEN_CREATED,
                        s -> s.setServiceInvoicesToQbo(ServiceInvoicesToQbo.WHEN_CREATED)
                                .setServiceTicketsToQbo(ServiceTicketsToQbo.WHEN_INVOICED), 1, null,
                        "Ticket T-1 - Leaky tap", 1, "ticket", Map.of("i1", SyncResult.SYNCED)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everySettingValue")
    void shouldWriteWhatEachSettingValueAsksFor(SettingsCase row) {
        Tenant t = tenant(row.companies(), row.settings());
        ServiceInvoice invoice = invoice("i1", "c1", "t1", "INV-1");
        List<String> script = List.of(
                publish(t, new CompanyCreated(company("c1", "Table Co"))),
                publish(t, new ProjectCreated(new Project("p1", "c1", "Kitchen", null))),
                publish(t, new ServiceTicketCreated(new ServiceTicket("t1", "c1", "T-1", "Leaky tap", null))),
                publish(t, new ServiceInvoiceCreated(invoice)),
                publish(t, new ServiceInvoiceSent(invoice)),
                publish(t, new ProjectInvoiced(new Project("p1", "c1", "Kitchen", null))),
                publish(t, new ProjectUpdated(new Project("p1", "c1", "Kitchen v2", null))),
                publish(t, new ServiceTicketUpdated(new ServiceTicket("t1", "c1", "T-1", "Tap replaced", null))));

        awaitOutcome(t, script.get(script.size() - 1), "t1");

        List<JsonNode> customers = apps().entities(t.realm(), "Customer");
        List<JsonNode> topLevel = customers.stream().filter(c -> !c.path("Job").asBoolean()).toList();
        assertThat(topLevel).hasSize(row.customers());
        assertThat(jobName(customers, false)).isEqualTo(row.projectJob());
        assertThat(jobName(customers, true)).isEqualTo(row.ticketJob());
        List<JsonNode> invoices = apps().entities(t.realm(), "Invoice");
        assertThat(invoices).hasSize(row.invoices());
        if (row.invoiceBills() != null) {
            JsonNode billed = customers.stream().filter(c -> c.path("Id").asString()
                    .equals(invoices.get(0).path("CustomerRef").path("value").asString())).findFirst().orElseThrow();
            assertThat(billed.path("Job").asBoolean()).isEqualTo(row.invoiceBills().equals("ticket"));
        }
        // the entity's outcomes are in the tenant's partition before the last event's
        row.firstResults().forEach((id, result) -> assertThat(outcomesOf(t, id)).as("outcomes of %s", id)
                .first().extracting(o -> o.getResult()).isEqualTo(result));
    }

    private static String jobName(List<JsonNode> customers, boolean ticket) {
        return customers.stream().filter(c -> c.path("Job").asBoolean())
                .map(c -> c.path("DisplayName").asString())
                .filter(name -> name.startsWith("Ticket ") == ticket).findFirst().orElse(null);
    }
}
