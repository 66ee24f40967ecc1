package com.cpsync.outbound.it;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.cpsync.schemas.avro.CompaniesToQbo;
import com.cpsync.schemas.avro.CompanyCreated;
import com.cpsync.schemas.avro.NameConflictPolicy;
import com.cpsync.schemas.avro.Project;
import com.cpsync.schemas.avro.ProjectCreated;
import com.cpsync.schemas.avro.ProjectsToQbo;
import com.cpsync.schemas.avro.ServiceInvoiceCreated;
import com.cpsync.schemas.avro.ServiceInvoicesToQbo;
import com.cpsync.schemas.avro.ServiceTicket;
import com.cpsync.schemas.avro.ServiceTicketCreated;
import com.cpsync.schemas.avro.ServiceTicketsToQbo;
import com.cpsync.schemas.avro.SyncOutcome;
import com.cpsync.schemas.avro.SyncResult;

import static com.cpsync.outbound.it.ItFixtures.MAIN_ST;
import static com.cpsync.outbound.it.ItFixtures.company;
import static com.cpsync.outbound.it.ItFixtures.invoice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Projects and service tickets → QBO jobs (issue 3, issue 7): parents first, and names QBO reports taken. */
class JobSyncIT extends OutboundItBase {

    @Test
    void shouldLinkCustomerJobAndInvoiceWhenEventsArriveInReverseOrder() {
        Tenant t = tenant(CompaniesToQbo.WHEN_FIRST_PROJECT_OR_TICKET_SENT, s -> s
                .setServiceTicketsToQbo(ServiceTicketsToQbo.WHEN_INVOICED)
                .setServiceInvoicesToQbo(ServiceInvoicesToQbo.WHEN_CREATED));

        String invoiceEvent = publish(t, new ServiceInvoiceCreated(invoice("i1", "c1", "t1", "INV-1001")));
        publish(t, new ServiceTicketCreated(new ServiceTicket("t1", "c1", "T-77", "Leaky tap", MAIN_ST)));
        publish(t, new CompanyCreated(company("c1", "Reverse Ltd")));

        SyncOutcome invoiceOutcome = awaitOutcome(t, invoiceEvent, "i1");
        assertThat(invoiceOutcome.getResult()).isEqualTo(SyncResult.SYNCED);
        List<JsonNode> customers = apps().entities(t.realm(), "Customer");
        assertThat(customers).hasSize(2);
        JsonNode customer = customers.stream().filter(c -> !c.path("Job").asBoolean()).findFirst().orElseThrow();
        JsonNode job = customers.stream().filter(c -> c.path("Job").asBoolean()).findFirst().orElseThrow();
        assertThat(job.path("ParentRef").path("value").asString()).isEqualTo(customer.path("Id").asString());
        List<JsonNode> invoices = apps().entities(t.realm(), "Invoice");
        assertThat(invoices).hasSize(1);
        assertThat(invoices.get(0).path("CustomerRef").path("value").asString()).isEqualTo(job.path("Id").asString());
        assertThat(invoices.get(0).path("TotalAmt").decimalValue()).isEqualByComparingTo("380.00");
    }

    @Test
    void shouldSuffixAProjectWhoseNameAVendorAlreadyHasInQboUnderSuffix() {
        Tenant t = roofRepairTakenByAVendor(NameConflictPolicy.SUFFIX);

        String eventId = publish(t, new ProjectCreated(new Project("p1", "c1", "Roof Repair", null)));

        assertThat(awaitOutcome(t, eventId, "p1").getResult()).isEqualTo(SyncResult.SYNCED);
        assertThat(customerNames(t)).containsExactlyInAnyOrder("Gable Homes", "Roof Repair (customer)");
    }

    @Test
    void shouldHoldAProjectWhoseNameAVendorAlreadyHasInQboUnderHold() {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED, s -> s.setProjectsToQbo(ProjectsToQbo.WHEN_CREATED)
                .setNameConflictPolicy(NameConflictPolicy.HOLD));
        String vendorId = apps().createInQbo(t.realm(), "Vendor", "{\"DisplayName\":\"Roof Repair\"}")
                .path("Id").asString();
        awaitOutcome(t, publish(t, new CompanyCreated(company("c1", "Gable Homes"))), "c1");

        String eventId = publish(t, new ProjectCreated(new Project("p1", "c1", "Roof Repair", null)));

        SyncOutcome held = awaitOutcome(t, eventId, "p1");
        assertThat(held.getResult()).isEqualTo(SyncResult.CONFLICT);
        assertThat(held.getReason()).isEqualTo("QBO Vendor " + vendorId + " 'Roof Repair' already uses the name of"
                + " project p1; held (nameConflictPolicy HOLD)");
        assertThat(held.getQboErrorCode()).isEqualTo("6240");
        assertThat(held.getRealmId()).isEqualTo(t.realm());
        assertThat(customerNames(t)).containsExactly("Gable Homes");
        assertThat(apps().stats(t.realm()).path("byStatus").path("400").asInt(0)).as("one refused create, no retry")
                .isEqualTo(1);
        assertThatThrownBy(() -> apps().link(t.id(), "PROJECT", "p1")).hasMessageContaining("404");
    }

    @Test
    void shouldHoldATicketWhoseNameAnEmployeeHasAndTheInvoiceBilledToItUnderHold() {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED, s -> s
                .setServiceTicketsToQbo(ServiceTicketsToQbo.WHEN_INVOICED)
                .setServiceInvoicesToQbo(ServiceInvoicesToQbo.WHEN_CREATED)
                .setNameConflictPolicy(NameConflictPolicy.HOLD));
        String employeeId = apps().createInQbo(t.realm(), "Employee",
                "{\"DisplayName\":\"Ticket T-5 - Boiler\",\"GivenName\":\"Ticket\"}").path("Id").asString();
        awaitOutcome(t, publish(t, new CompanyCreated(company("c1", "Warm Homes"))), "c1");
        publish(t, new ServiceTicketCreated(new ServiceTicket("t5", "c1", "T-5", "Boiler", null)));

        String invoiced = publish(t, new ServiceInvoiceCreated(invoice("i1", "c1", "t5", "INV-5")));

        SyncOutcome ticket = awaitOutcome(t, invoiced, "t5");
        assertThat(ticket.getResult()).isEqualTo(SyncResult.CONFLICT);
        assertThat(ticket.getReason()).startsWith("QBO Employee " + employeeId + " 'Ticket T-5 - Boiler' already uses"
                + " the name of service ticket t5");
        SyncOutcome invoice = awaitOutcome(t, invoiced, "i1");
        assertThat(invoice.getResult()).isEqualTo(SyncResult.CONFLICT);
        assertThat(invoice.getReason()).contains("service ticket's QBO job could not be created", employeeId);
        assertThat(apps().entities(t.realm(), "Invoice")).isEmpty();
        assertThat(customerNames(t)).containsExactly("Warm Homes");
    }
}
