package com.cpsync.deploy.chaos.audit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.cpsync.deploy.chaos.workload.Company;
import com.cpsync.deploy.chaos.workload.InvoiceLine;
import com.cpsync.deploy.chaos.workload.PaidInvoice;
import com.cpsync.deploy.chaos.workload.Profile;
import com.cpsync.deploy.chaos.workload.Project;
import com.cpsync.deploy.chaos.workload.QboCustomer;
import com.cpsync.deploy.chaos.workload.QboPayment;
import com.cpsync.deploy.chaos.workload.ServiceInvoice;
import com.cpsync.deploy.chaos.workload.SourceRecord;
import com.cpsync.deploy.chaos.workload.Step;
import com.cpsync.deploy.chaos.workload.StepKind;
import com.cpsync.deploy.chaos.workload.TenantPlan;
import com.cpsync.deploy.chaos.workload.Ticket;
import com.cpsync.deploy.chaos.workload.Workload;

/**
 * A hand-made world of one FULL tenant: a company with a project, a ticket and an invoice of 150.00
 * sent from Centerpoint; a customer and a payment of 20.00 on that invoice made in QBO; and the three
 * snapshots as they are when everything went right. Tests break one thing each.
 */
final class AuditFixtures {

    static final String TENANT = "chaos-01";
    static final String REALM = "9341000000000001";
    static final Company COMPANY = new Company("co-c0001", "C0001", "C0001 Acme Dental", "c0001@example.com");
    static final Project PROJECT = new Project("pr-p0001", "P0001", COMPANY.id(), "P0001 Kitchen Remodel");
    static final Ticket TICKET = new Ticket("tk-k0001", "K0001", COMPANY.id(), "Leaking tap");
    static final ServiceInvoice INVOICE = new ServiceInvoice("si-i0001", "I0001", COMPANY.id(), TICKET.id(),
            LocalDate.of(2026, 3, 2), List.of(line("100.00"), line("50.00")), new BigDecimal("150.00"));
    static final QboCustomer QBO_CUSTOMER = new QboCustomer("Q0001", "Q0001 Lakeside Bakery", "q0001@example.com");
    static final QboPayment PAYMENT = new QboPayment("Y0001", PaidInvoice.serviceInvoice(INVOICE.id()), new BigDecimal("20.00"));

    private AuditFixtures() {
    }

    static Step step(int index, StepKind kind, SourceRecord record) {
        return new Step(index, TENANT, kind, record, "event-" + index);
    }

    static List<Step> steps() {
        return List.of(step(0, StepKind.COMPANY_CREATED, COMPANY), step(1, StepKind.PROJECT_CREATED, PROJECT),
                step(2, StepKind.TICKET_CREATED, TICKET), step(3, StepKind.INVOICE_CREATED, INVOICE),
                step(4, StepKind.QBO_CUSTOMER_CREATED, QBO_CUSTOMER), step(5, StepKind.QBO_PAYMENT_CREATED, PAYMENT));
    }

    static Workload workload(List<Step> steps) {
        return new Workload(1, List.of(new TenantPlan(TENANT, REALM, Profile.FULL)), steps);
    }

    static List<PlayedStep> played(List<Step> steps) {
        List<PlayedStep> played = new ArrayList<>();
        for (Step step : steps) {
            String qboId = step.kind() == StepKind.QBO_CUSTOMER_CREATED || step.kind() == StepKind.QBO_CUSTOMER_RENAMED ? "70"
                    : step.kind() == StepKind.QBO_PAYMENT_CREATED ? "90" : null;
            played.add(PlayedStep.played(step, qboId));
        }
        return played;
    }

    static List<QboSnapshot.Customer> customers() {
        return new ArrayList<>(List.of(
                new QboSnapshot.Customer("58", COMPANY.name(), false, null, COMPANY.email()),
                new QboSnapshot.Customer("59", PROJECT.name(), true, "58", null),
                new QboSnapshot.Customer("60", TICKET.jobName(), true, "58", null),
                new QboSnapshot.Customer("70", QBO_CUSTOMER.displayName(), false, null, QBO_CUSTOMER.email())));
    }

    static List<QboSnapshot.Invoice> invoices() {
        return new ArrayList<>(List.of(new QboSnapshot.Invoice("80", "I0001", "60", new BigDecimal("150.00"),
                List.of(new BigDecimal("100.00"), new BigDecimal("50.00")))));
    }

    static QboSnapshot qbo(List<QboSnapshot.Customer> customers, List<QboSnapshot.Invoice> invoices) {
        return new QboSnapshot(Map.of(REALM, new QboSnapshot.Books(customers, invoices)));
    }

    static List<CenterpointSnapshot.Company> companies() {
        return new ArrayList<>(List.of(new CenterpointSnapshot.Company(COMPANY.id(), COMPANY.name(), COMPANY.email(), null),
                new CenterpointSnapshot.Company("cp-from-70", QBO_CUSTOMER.displayName(), QBO_CUSTOMER.email(), "70")));
    }

    static List<CenterpointSnapshot.Payment> payments() {
        return new ArrayList<>(List.of(new CenterpointSnapshot.Payment("90", "Y0001", new BigDecimal("20.00"),
                List.of(new CenterpointSnapshot.Application("SERVICE_INVOICE", INVOICE.id(), "80", new BigDecimal("20.00"))))));
    }

    static List<CenterpointSnapshot.Command> commands() {
        return new ArrayList<>(List.of(
                new CenterpointSnapshot.Command("cmd-1", "UpsertCompany", "70", "{\"companyId\":null,\"qboCustomerId\":\"70\"}"),
                new CenterpointSnapshot.Command("cmd-2", "UpsertInvoicePayment", "90", "{\"qboPaymentId\":\"90\",\"totalAmount\":\"20.00\"}")));
    }

    static List<CenterpointSnapshot.Outcome> outcomes() {
        List<CenterpointSnapshot.Outcome> outcomes = new ArrayList<>();
        outcomes.add(synced("event-0", "COMPANY", COMPANY.id(), "58"));
        outcomes.add(synced("event-1", "PROJECT", PROJECT.id(), "59"));
        outcomes.add(new CenterpointSnapshot.Outcome("event-2", "TO_QBO", "SERVICE_TICKET", TICKET.id(), null,
                "SKIPPED_BY_SETTINGS", "waits for an invoice"));
        outcomes.add(synced("event-3", "SERVICE_TICKET", TICKET.id(), "60"));
        outcomes.add(synced("event-3", "SERVICE_INVOICE", INVOICE.id(), "80"));
        return outcomes;
    }

    static CenterpointSnapshot centerpoint(List<CenterpointSnapshot.Company> companies, List<CenterpointSnapshot.Payment> payments,
            List<CenterpointSnapshot.Command> commands, List<CenterpointSnapshot.Outcome> outcomes) {
        return new CenterpointSnapshot(Map.of(TENANT, new CenterpointSnapshot.Books(companies, List.of(), payments, commands, outcomes)));
    }

    static CenterpointSnapshot.Outcome synced(String eventId, String entity, String centerpointId, String qboId) {
        return new CenterpointSnapshot.Outcome(eventId, "TO_QBO", entity, centerpointId, qboId, "SYNCED", null);
    }

    static InvoiceLine line(String amount) {
        return new InvoiceLine("Labour", BigDecimal.ONE, new BigDecimal(amount), new BigDecimal(amount));
    }
}
