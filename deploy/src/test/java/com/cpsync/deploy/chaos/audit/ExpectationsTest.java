package com.cpsync.deploy.chaos.audit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.cpsync.deploy.chaos.workload.Company;
import com.cpsync.deploy.chaos.workload.Profile;
import com.cpsync.deploy.chaos.workload.Project;
import com.cpsync.deploy.chaos.workload.QboCustomer;
import com.cpsync.deploy.chaos.workload.ServiceInvoice;
import com.cpsync.deploy.chaos.workload.SourceRecord;
import com.cpsync.deploy.chaos.workload.Step;
import com.cpsync.deploy.chaos.workload.StepKind;
import com.cpsync.deploy.chaos.workload.TenantPlan;
import com.cpsync.deploy.chaos.workload.Ticket;
import com.cpsync.deploy.chaos.workload.Workload;

import static org.assertj.core.api.Assertions.assertThat;

class ExpectationsTest {

    private static final Company COMPANY = new Company("co-c0001", "C0001", "C0001 Acme", "a@example.com");
    private static final Company RENAMED = new Company("co-c0001", "C0001", "C0001 Acme Ltd", "b@example.com");
    private static final Project PROJECT = new Project("pr-p0001", "P0001", COMPANY.id(), "P0001 Deck");
    private static final Project PROJECT_RENAMED = new Project("pr-p0001", "P0001", COMPANY.id(), "P0001 Deck phase 2");
    private static final Ticket TICKET = new Ticket("tk-k0001", "K0001", COMPANY.id(), "Leak");
    private static final ServiceInvoice INVOICE = new ServiceInvoice("si-i0001", "I0001", COMPANY.id(), TICKET.id(),
            LocalDate.of(2026, 3, 2), List.of(AuditFixtures.line("60.00"), AuditFixtures.line("40.00")), new BigDecimal("100.00"));
    private static final QboCustomer CUSTOMER = new QboCustomer("Q0001", "Q0001 Bakery", "q@example.com");
    private static final QboCustomer CUSTOMER_RENAMED = new QboCustomer("Q0001", "Q0001 Bakery 2", "q2@example.com");

    @Test
    void shouldExpectAFullTenantsCompanyFromItsCreationAndFollowingItsChanges() {
        ExpectedRecord company = record(Profile.FULL, AuditedEntity.COMPANY, List.of(
                StepKind.COMPANY_CREATED, COMPANY, StepKind.COMPANY_UPDATED, RENAMED));

        assertThat(company.steps()).extracting(ExpectedStep::taken).containsExactly(true, true);
        assertThat(company.finalState()).isEqualTo(View.of("name", "C0001 Acme Ltd", "email", "b@example.com"));
    }

    @Test
    void shouldExpectALazyTenantsCompanyOnlyWithItsFirstProjectWithItsLatestName() {
        ExpectedRecord before = record(Profile.LAZY, AuditedEntity.COMPANY, List.of(
                StepKind.COMPANY_CREATED, COMPANY, StepKind.COMPANY_UPDATED, RENAMED));
        ExpectedRecord after = record(Profile.LAZY, AuditedEntity.COMPANY, List.of(
                StepKind.COMPANY_CREATED, COMPANY, StepKind.COMPANY_UPDATED, RENAMED, StepKind.PROJECT_CREATED, PROJECT));

        assertThat(before.everTaken()).isFalse();
        assertThat(before.finalState()).isNull();
        assertThat(after.steps()).extracting(ExpectedStep::taken).containsExactly(false, false, true);
        assertThat(after.finalState()).isEqualTo(View.of("name", "C0001 Acme Ltd", "email", "b@example.com"));
    }

    @Test
    void shouldFollowProjectChangesOnlyWhereTheyAreSent() {
        List<Object> steps = List.of(StepKind.COMPANY_CREATED, COMPANY, StepKind.PROJECT_CREATED, PROJECT,
                StepKind.PROJECT_UPDATED, PROJECT_RENAMED);

        assertThat(record(Profile.FULL, AuditedEntity.PROJECT, steps).finalState().fields())
                .containsEntry("name", "P0001 Deck phase 2").containsEntry("@parent", "COMPANY/co-c0001");
        assertThat(record(Profile.LAZY, AuditedEntity.PROJECT, steps).finalState().fields()).containsEntry("name", "P0001 Deck");
        assertThat(record(Profile.COMPANIES_ONLY, AuditedEntity.PROJECT, steps).everTaken()).isFalse();
    }

    @Test
    void shouldExpectAFullTicketWithItsFirstInvoiceAndBillTheInvoiceToIt() {
        List<Object> steps = List.of(StepKind.COMPANY_CREATED, COMPANY, StepKind.TICKET_CREATED, TICKET,
                StepKind.INVOICE_CREATED, INVOICE, StepKind.INVOICE_SENT, INVOICE);

        ExpectedRecord ticket = record(Profile.FULL, AuditedEntity.SERVICE_TICKET, steps);
        ExpectedRecord invoice = record(Profile.FULL, AuditedEntity.SERVICE_INVOICE, steps);

        assertThat(ticket.steps()).extracting(ExpectedStep::taken).containsExactly(false, true);
        assertThat(ticket.finalState().fields()).containsEntry("name", "Ticket K0001 - Leak");
        assertThat(invoice.steps()).extracting(ExpectedStep::taken).containsExactly(true, false);
        assertThat(invoice.finalState()).isEqualTo(View.of("total", "100", "lines", "60|40", "@customer", "SERVICE_TICKET/tk-k0001"));
    }

    @Test
    void shouldExpectALazyInvoiceWhenSentAsOneLineBilledToTheCompanyWhichComesWithIt() {
        List<Object> steps = List.of(StepKind.COMPANY_CREATED, COMPANY, StepKind.INVOICE_CREATED, INVOICE,
                StepKind.INVOICE_SENT, INVOICE, StepKind.INVOICE_UPDATED, INVOICE);

        ExpectedRecord invoice = record(Profile.LAZY, AuditedEntity.SERVICE_INVOICE, steps);

        assertThat(invoice.steps()).extracting(ExpectedStep::taken).containsExactly(false, true, false);
        assertThat(invoice.finalState()).isEqualTo(View.of("total", "100", "lines", "100", "@customer", "COMPANY/co-c0001"));
        assertThat(record(Profile.LAZY, AuditedEntity.COMPANY, steps).finalState()).isNotNull();
        assertThat(record(Profile.LAZY, AuditedEntity.SERVICE_TICKET, steps)).isNull();
    }

    @Test
    void shouldTakeQboChangesByProfile() {
        List<Object> steps = List.of(StepKind.QBO_CUSTOMER_CREATED, CUSTOMER, StepKind.QBO_CUSTOMER_RENAMED, CUSTOMER_RENAMED);

        assertThat(record(Profile.FULL, AuditedEntity.QBO_CUSTOMER, steps).finalState().fields())
                .containsEntry("name", "Q0001 Bakery 2");
        assertThat(record(Profile.LAZY, AuditedEntity.QBO_CUSTOMER, steps).finalState().fields())
                .containsEntry("name", "Q0001 Bakery");
        assertThat(record(Profile.COMPANIES_ONLY, AuditedEntity.QBO_CUSTOMER, steps).everTaken()).isFalse();
        assertThat(record(Profile.FULL, AuditedEntity.QBO_CUSTOMER, steps).qboId()).isEqualTo("q-1");
    }

    @Test
    void shouldLeaveOutStepsThatWereNotPlayed() {
        List<Step> steps = steps(List.of(StepKind.COMPANY_CREATED, COMPANY, StepKind.COMPANY_UPDATED, RENAMED));
        Workload workload = new Workload(1, List.of(new TenantPlan("t", "r", Profile.FULL)), steps);

        List<ExpectedRecord> records = Expectations.of(workload, List.of(PlayedStep.played(steps.get(0), null),
                PlayedStep.notPlayed(steps.get(1), "stand-in down")));

        assertThat(records).singleElement().satisfies(r -> assertThat(r.finalState().fields()).containsEntry("name", "C0001 Acme"));
    }

    private static ExpectedRecord record(Profile profile, AuditedEntity entity, List<Object> kindsAndRecords) {
        List<Step> steps = steps(kindsAndRecords);
        Workload workload = new Workload(1, List.of(new TenantPlan("t", "r", profile)), steps);
        List<PlayedStep> played = steps.stream().map(s -> PlayedStep.played(s, s.kind().isQboCreate() ? "q-1" : null)).toList();
        return Expectations.of(workload, played).stream().filter(r -> r.entity() == entity).findFirst().orElse(null);
    }

    private static List<Step> steps(List<Object> kindsAndRecords) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < kindsAndRecords.size(); i += 2) {
            steps.add(new Step(i / 2, "t", (StepKind) kindsAndRecords.get(i), (SourceRecord) kindsAndRecords.get(i + 1), "e" + i));
        }
        return steps;
    }
}
