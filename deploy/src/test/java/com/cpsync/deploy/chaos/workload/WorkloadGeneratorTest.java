package com.cpsync.deploy.chaos.workload;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkloadGeneratorTest {

    private final Workload workload = WorkloadGenerator.generate(7, 600, 5);

    @Test
    void shouldMakeTheSameWorkloadFromTheSameSeed() {
        assertThat(WorkloadGenerator.generate(7, 600, 5)).isEqualTo(workload);
        assertThat(WorkloadGenerator.generate(8, 600, 5).steps()).isNotEqualTo(workload.steps());
    }

    @Test
    void shouldMakeExactlyTheStepsAskedForOverTheTenantsAskedForWithEveryProfile() {
        assertThat(workload.steps()).hasSize(600);
        assertThat(workload.tenants()).hasSize(5).extracting(TenantPlan::profile).contains(Profile.values());
        assertThat(workload.steps()).extracting(Step::tenantId).containsAll(
                workload.tenants().stream().map(TenantPlan::tenantId).toList());
        assertThat(workload.steps()).extracting(Step::eventId).doesNotHaveDuplicates();
        assertThat(workload.steps()).extracting(Step::kind).contains(StepKind.values());
    }

    @Test
    void shouldCreateEveryParentBeforeItsChildrenAndTouchOnlyWhatExists() {
        Map<String, Set<String>> created = new HashMap<>();
        Set<String> deleted = new HashSet<>();
        for (Step step : workload.steps()) {
            Set<String> known = created.computeIfAbsent(step.tenantId(), t -> new HashSet<>());
            SourceRecord record = step.record();
            if (record instanceof Project) {
                assertThat(known).contains(((Project) record).companyId());
            }
            if (record instanceof Ticket) {
                assertThat(known).contains(((Ticket) record).companyId());
            }
            if (record instanceof ServiceInvoice) {
                assertThat(known).contains(((ServiceInvoice) record).ticketId(), ((ServiceInvoice) record).companyId());
            }
            if (record instanceof QboInvoice) {
                assertThat(known).contains(((QboInvoice) record).projectId());
            }
            if (record instanceof QboPayment) {
                assertThat(known).contains(((QboPayment) record).invoice().invoiceId());
                assertThat(deleted).doesNotContain(step.tenantId() + ((QboPayment) record).invoice().invoiceId());
            }
            boolean creates = step.kind().name().endsWith("CREATED");
            assertThat(known.contains(record.id())).as("step %s %s %s", step.index(), step.kind(), record.id()).isNotEqualTo(creates);
            assertThat(deleted).as("step %s touches a deleted record", step.index()).doesNotContain(step.tenantId() + record.id());
            known.add(record.id());
            if (step.kind().isQboDelete()) {
                deleted.add(step.tenantId() + record.id());
            }
        }
    }

    @Test
    void shouldOnlyMakeQboChangesThatTheTenantsProfileTakesBeyondNewRecords() {
        for (Step step : workload.steps()) {
            Profile profile = workload.tenant(step.tenantId()).profile();
            if (!step.kind().isCenterpointEvent() && !step.kind().isQboCreate()) {
                assertThat(profile).as("step %s %s", step.index(), step.kind()).isEqualTo(Profile.FULL);
            }
        }
    }

    @Test
    void shouldGiveEveryRecordATokenNoOtherRecordOfItsTenantStartsWith() {
        Map<String, Set<String>> tokens = new HashMap<>();
        workload.steps().forEach(s -> tokens.computeIfAbsent(s.tenantId(), t -> new HashSet<>()).add(s.record().token()));
        tokens.values().forEach(set -> set.forEach(token -> assertThat(token).matches("[CPKIQXY]\\d{4}")));
        workload.steps().stream().filter(s -> s.record() instanceof Company)
                .forEach(s -> assertThat(((Company) s.record()).name()).startsWith(s.record().token() + " "));
    }

    @Test
    void shouldKeepLinesConsistentAndPaymentsBelowAnyInvoiceTotal() {
        workload.steps().stream().filter(s -> s.record() instanceof ServiceInvoice).map(s -> (ServiceInvoice) s.record())
                .forEach(invoice -> {
                    invoice.lines().forEach(line -> assertThat(line.quantity().multiply(line.unitPrice())).isEqualByComparingTo(line.amount()));
                    assertThat(invoice.total().subtract(invoice.linesSum())).isIn(BigDecimal.ZERO.setScale(2), new BigDecimal("10.00"));
                    assertThat(invoice.linesSum()).isGreaterThanOrEqualTo(new BigDecimal("25.00"));
                });
        workload.steps().stream().filter(s -> s.record() instanceof QboPayment)
                .forEach(s -> assertThat(((QboPayment) s.record()).amount()).isBetween(new BigDecimal("5.00"), new BigDecimal("20.00")));
    }

    @Test
    void shouldIncludeNamesQbosQueryLexerMustSurvive() {
        String names = workload.steps().stream().filter(s -> s.record() instanceof Company)
                .map(s -> ((Company) s.record()).name()).reduce("", String::concat);
        assertThat(names).contains("’");
    }
}
