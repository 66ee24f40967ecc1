package com.cpsync.deploy.chaos.audit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.cpsync.deploy.chaos.audit.Finding.Category;
import com.cpsync.deploy.chaos.workload.QboCustomer;
import com.cpsync.deploy.chaos.workload.Step;
import com.cpsync.deploy.chaos.workload.StepKind;

import static com.cpsync.deploy.chaos.audit.AuditFixtures.PROJECT;
import static com.cpsync.deploy.chaos.audit.AuditFixtures.commands;
import static com.cpsync.deploy.chaos.audit.AuditFixtures.companies;
import static com.cpsync.deploy.chaos.audit.AuditFixtures.customers;
import static com.cpsync.deploy.chaos.audit.AuditFixtures.invoices;
import static com.cpsync.deploy.chaos.audit.AuditFixtures.outcomes;
import static com.cpsync.deploy.chaos.audit.AuditFixtures.payments;
import static com.cpsync.deploy.chaos.audit.AuditFixtures.played;
import static com.cpsync.deploy.chaos.audit.AuditFixtures.steps;
import static com.cpsync.deploy.chaos.audit.AuditFixtures.workload;
import static org.assertj.core.api.Assertions.assertThat;

class AuditorTest {

    private List<QboSnapshot.Customer> customers = customers();
    private List<QboSnapshot.Invoice> invoices = invoices();
    private List<CenterpointSnapshot.Company> companies = companies();
    private List<CenterpointSnapshot.Payment> payments = payments();
    private List<CenterpointSnapshot.Command> commands = commands();
    private List<CenterpointSnapshot.Outcome> outcomes = outcomes();

    @Test
    void shouldCountNothingWhenEveryRecordHasItsOneCopyAsTheSettingsSay() {
        AuditReport report = audit(steps());

        assertThat(report.finalLine()).isEqualTo("chaos: 6 events, 1 tenants: lost=0 duplicated=0 mismatched=0");
        assertThat(report.rows()).allSatisfy(row -> assertThat(row.ok()).isEqualTo(row.records()));
        assertThat(report.rows()).extracting(EntityRow::records).containsExactly(1, 1, 1, 1, 1, 0, 1);
    }

    @Test
    void shouldCountALostEventWhoseCopyIsMissingAndNoFailureSaysWhy() {
        customers.removeIf(c -> c.id().equals("59"));

        AuditReport report = audit(steps());

        Finding finding = onlyLost(report, AuditedEntity.PROJECT, "no copy", "SYNCED");
        assertThat(finding.category()).isEqualTo(Category.LOST);
        assertThat(finding.recordId()).isEqualTo(PROJECT.id());
        assertThat(finding.steps()).containsExactly(1);
        assertThat(row(report, AuditedEntity.PROJECT).lost()).isEqualTo(1);
    }

    @Test
    void shouldNotCountAMissingCopyAsLostWhenAFailedOutcomeSaysWhy() {
        customers.removeIf(c -> c.id().equals("59"));
        outcomes.set(1, new CenterpointSnapshot.Outcome("event-1", "TO_QBO", "PROJECT", PROJECT.id(), null, "FAILED",
                "QBO refused: 6000"));

        AuditReport report = audit(steps());

        assertThat(report.clean()).isTrue();
        assertThat(row(report, AuditedEntity.PROJECT).failed()).isEqualTo(1);
        assertThat(report.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.category()).isEqualTo(Category.FAILED_VISIBLY);
            assertThat(finding.what()).contains("QBO refused: 6000");
        });
        assertThat(report.render((step, tenant) -> List.of())).anyMatch(l -> l.startsWith("failed visibly"));
    }

    @Test
    void shouldNotTakeAFailureOfAnotherEntityWithTheSameQboIdForAnExplanation() {
        payments.clear();
        outcomes.add(new CenterpointSnapshot.Outcome("change-1", "FROM_QBO", "COMPANY", null, "90", "FAILED", "customer 90 refused"));

        AuditReport report = audit(steps());

        onlyLost(report, AuditedEntity.PAYMENT, "outcomes of the missing steps: none");
    }

    @Test
    void shouldTakeAFailedOutcomeOfTheSameEventForAnotherRecordAsTheEventsFinalOutcome() {
        customers.removeIf(c -> c.id().equals("60"));
        invoices.clear();
        outcomes.removeIf(o -> "event-3".equals(o.causationId()));
        outcomes.add(new CenterpointSnapshot.Outcome("event-3", "TO_QBO", "SERVICE_INVOICE", "si-i0001", null, "FAILED",
                "parent ticket could not be written"));
        payments.clear();

        AuditReport report = audit(steps().subList(0, 4));

        assertThat(report.clean()).as(report.findings().toString()).isTrue();
        assertThat(row(report, AuditedEntity.SERVICE_TICKET).failed()).isEqualTo(1);
        assertThat(row(report, AuditedEntity.SERVICE_INVOICE).failed()).isEqualTo(1);
    }

    @Test
    void shouldCountASecondQboCustomerForOneCompanyAsDuplicated() {
        customers.add(new QboSnapshot.Customer("61", "C0001 Acme Dental (customer)", false, null, "c0001@example.com"));

        AuditReport report = audit(steps());

        assertThat(report.duplicated()).isEqualTo(1);
        assertThat(report.lost() + report.mismatched()).isZero();
        onlyFinding(report, AuditedEntity.COMPANY, "2 copies", "58", "61");
    }

    @Test
    void shouldCountTwoAppliedCommandsSayingTheSameThingAsDuplicated() {
        commands.add(new CenterpointSnapshot.Command("cmd-3", "UpsertInvoicePayment", "90",
                "{\"qboPaymentId\":\"90\",\"totalAmount\":\"20.00\"}"));

        AuditReport report = audit(steps());

        assertThat(report.duplicated()).isEqualTo(1);
        onlyFinding(report, AuditedEntity.PAYMENT, "cmd-2", "cmd-3");
        assertThat(row(report, AuditedEntity.PAYMENT).duplicated()).isEqualTo(1);
    }

    @Test
    void shouldNotTakeARecordThatChangedAndChangedBackForADuplicatedCommand() {
        commands.add(new CenterpointSnapshot.Command("cmd-3", "UpsertInvoicePayment", "90",
                "{\"qboPaymentId\":\"90\",\"totalAmount\":\"25.00\"}"));
        commands.add(new CenterpointSnapshot.Command("cmd-4", "UpsertInvoicePayment", "90",
                "{\"qboPaymentId\":\"90\",\"totalAmount\":\"20.00\"}"));

        assertThat(audit(steps()).duplicated()).isZero();
    }

    @Test
    void shouldCountAnInvoiceWhoseAmountDiffersAsMismatched() {
        invoices.set(0, new QboSnapshot.Invoice("80", "I0001", "60", new BigDecimal("140.00"),
                List.of(new BigDecimal("100.00"), new BigDecimal("40.00"))));

        AuditReport report = audit(steps());

        assertThat(report.mismatched()).isEqualTo(1);
        onlyFinding(report, AuditedEntity.SERVICE_INVOICE, "total=150", "total=140");
    }

    @Test
    void shouldCountAnInvoiceBilledToAnotherCustomerAsMismatched() {
        invoices.set(0, new QboSnapshot.Invoice("80", "I0001", "58", new BigDecimal("150.00"),
                List.of(new BigDecimal("100.00"), new BigDecimal("50.00"))));

        assertThat(audit(steps()).mismatched()).isEqualTo(1);
    }

    @Test
    void shouldCountAQboRenameThatNeverReachedCentrepointAsLost() {
        List<Step> steps = new ArrayList<>(steps());
        steps.add(AuditFixtures.step(6, StepKind.QBO_CUSTOMER_RENAMED,
                new QboCustomer("Q0001", "Q0001 Lakeside Bakery & Cafe", "q0001.v2@example.com")));

        AuditReport report = audit(steps);

        Finding finding = onlyLost(report, AuditedEntity.QBO_CUSTOMER, "still");
        assertThat(finding.steps()).containsExactly(6);
    }

    @Test
    void shouldCountACompanyImportedBackFromItsOwnQboCustomerAsDuplicated() {
        companies.add(new CenterpointSnapshot.Company("cp-from-58", "C0001 Acme Dental", "c0001@example.com", "58"));

        AuditReport report = audit(steps());

        assertThat(report.duplicated()).isEqualTo(1);
        onlyFinding(report, AuditedEntity.COMPANY, "imported back");
    }

    @Test
    void shouldPrintATableWhoseTotalsAreTheFinalLineAndEndWithIt() {
        customers.removeIf(c -> c.id().equals("59"));
        customers.add(new QboSnapshot.Customer("61", "C0001 Acme Dental (customer)", false, null, "c0001@example.com"));
        invoices.set(0, new QboSnapshot.Invoice("80", "I0001", "60", new BigDecimal("140.00"),
                List.of(new BigDecimal("100.00"), new BigDecimal("40.00"))));

        List<String> lines = audit(steps()).render((step, tenant) -> List.of("a fault at " + step + " for " + tenant));

        String last = lines.get(lines.size() - 1);
        assertThat(last).isEqualTo("chaos: 6 events, 1 tenants: lost=1 duplicated=1 mismatched=1");
        String total = lines.stream().filter(l -> l.startsWith("total ")).findFirst().orElseThrow();
        String[] columns = total.trim().split("\\s+");
        assertThat(List.of(columns[5], columns[6], columns[7])).as("lost, duplicated, mismatched in " + total)
                .containsExactly("1", "1", "1");
        int lost = lines.indexOf("lost:");
        assertThat(lines.get(lost + 1)).contains("project chaos-01/pr-p0001").contains("a fault at 1 for chaos-01");
        assertThat(lines).contains("duplicated:", "mismatched:");
    }

    private AuditReport audit(List<Step> steps) {
        return Auditor.audit(workload(steps), played(steps), AuditFixtures.qbo(customers, invoices),
                AuditFixtures.centerpoint(companies, payments, commands, outcomes));
    }

    /** The report's one finding: about the entity, and saying each of the given. */
    private static Finding onlyFinding(AuditReport report, AuditedEntity entity, String... saying) {
        assertThat(report.findings()).hasSize(1);
        Finding finding = report.findings().get(0);
        assertThat(finding.entity()).isEqualTo(entity);
        assertThat(finding.what()).contains(saying);
        return finding;
    }

    /** The report's one finding, counted as lost. */
    private static Finding onlyLost(AuditReport report, AuditedEntity entity, String... saying) {
        assertThat(report.lost()).isEqualTo(1);
        return onlyFinding(report, entity, saying);
    }

    private static EntityRow row(AuditReport report, AuditedEntity entity) {
        return report.rows().stream().filter(r -> r.entity() == entity).findFirst().orElseThrow();
    }
}
