package com.cpsync.deploy.chaos.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.cpsync.deploy.chaos.workload.Company;
import com.cpsync.deploy.chaos.workload.InvoiceLine;
import com.cpsync.deploy.chaos.workload.Profile;
import com.cpsync.deploy.chaos.workload.Profile.Rule;
import com.cpsync.deploy.chaos.workload.Project;
import com.cpsync.deploy.chaos.workload.QboCustomer;
import com.cpsync.deploy.chaos.workload.QboInvoice;
import com.cpsync.deploy.chaos.workload.QboPayment;
import com.cpsync.deploy.chaos.workload.ServiceInvoice;
import com.cpsync.deploy.chaos.workload.Step;
import com.cpsync.deploy.chaos.workload.StepKind;
import com.cpsync.deploy.chaos.workload.Ticket;
import com.cpsync.deploy.chaos.workload.TenantPlan;
import com.cpsync.deploy.chaos.workload.Workload;

/**
 * What the settings say must become of every record, from the played steps: the rules of DESIGN.md §4
 * as cp-outbound-service and qbo-inbound-service document them, for the three chaos profiles only.
 * Companies follow their last name and e-mail (a linked company is always kept in step); a LAZY company
 * comes with its first project, ticket or sent invoice; a FULL ticket comes with its first invoice and
 * the invoice is billed to it; a LAZY invoice is written once, when sent, as a single line billed to the
 * company; changes made in QBO are taken only by FULL tenants, who also take deletions.
 */
public final class Expectations {

    private final Map<String, TenantModel> tenants = new LinkedHashMap<>();

    private Expectations(Workload workload) {
        for (TenantPlan plan : workload.tenants()) {
            tenants.put(plan.tenantId(), new TenantModel(plan));
        }
    }

    public static List<ExpectedRecord> of(Workload workload, List<PlayedStep> played) {
        Expectations expectations = new Expectations(workload);
        played.stream().filter(PlayedStep::played).forEach(p -> expectations.tenants.get(p.step().tenantId()).apply(p));
        List<ExpectedRecord> records = new ArrayList<>();
        expectations.tenants.values().forEach(model -> model.records.values().forEach(b -> records.add(b.build())));
        return records;
    }

    /** A record's steps so far, and whether the settings have put it in the other system yet. */
    private static final class Builder {
        private final String tenantId;
        private final AuditedEntity entity;
        private final String recordId;
        private final String token;
        private String qboId;
        private final List<ExpectedStep> steps = new ArrayList<>();
        private View state;

        Builder(String tenantId, AuditedEntity entity, String recordId, String token) {
            this.tenantId = tenantId;
            this.entity = entity;
            this.recordId = recordId;
            this.token = token;
        }

        boolean present() {
            return state != null;
        }

        void take(Step step, View after) {
            state = after;
            steps.add(new ExpectedStep(step.index(), eventIdOf(step), true, after));
        }

        void pass(Step step) {
            steps.add(new ExpectedStep(step.index(), eventIdOf(step), false, state));
        }

        ExpectedRecord build() {
            return new ExpectedRecord(tenantId, entity, recordId, token, qboId, List.copyOf(steps));
        }

        private static String eventIdOf(Step step) {
            return step.kind().isCenterpointEvent() ? step.eventId() : null;
        }
    }

    private static final class TenantModel {
        private final TenantPlan plan;
        private final Profile profile;
        private final Map<String, Builder> records = new LinkedHashMap<>();
        private final Map<String, Company> companies = new HashMap<>();
        private final Map<String, Ticket> tickets = new HashMap<>();

        TenantModel(TenantPlan plan) {
            this.plan = plan;
            this.profile = plan.profile();
        }

        void apply(PlayedStep played) {
            Step step = played.step();
            switch (step.kind()) {
                case COMPANY_CREATED, COMPANY_UPDATED -> company(step, (Company) step.record());
                case PROJECT_CREATED, PROJECT_UPDATED -> project(step, (Project) step.record());
                case TICKET_CREATED, TICKET_UPDATED -> ticket(step, (Ticket) step.record());
                case INVOICE_CREATED, INVOICE_UPDATED, INVOICE_SENT -> invoice(step, (ServiceInvoice) step.record());
                case QBO_CUSTOMER_CREATED, QBO_CUSTOMER_RENAMED -> {
                    QboCustomer customer = (QboCustomer) step.record();
                    fromQbo(step, played.qboId(), record(AuditedEntity.QBO_CUSTOMER, customer.id(), customer.token()),
                            View.of("name", customer.displayName(), "email", customer.email()));
                }
                case QBO_INVOICE_CREATED, QBO_INVOICE_CHANGED, QBO_INVOICE_DELETED -> {
                    QboInvoice invoice = (QboInvoice) step.record();
                    fromQbo(step, played.qboId(), record(AuditedEntity.PROJECT_INVOICE, invoice.id(), invoice.token()),
                            View.of("project", invoice.projectId(), "total", View.money(invoice.total()),
                                    "lines", View.amounts(invoice.lines().stream().map(InvoiceLine::amount).toList())));
                }
                default -> {
                    QboPayment payment = (QboPayment) step.record();
                    fromQbo(step, played.qboId(), record(AuditedEntity.PAYMENT, payment.id(), payment.token()), paymentView(payment));
                }
            }
        }

        private void company(Step step, Company company) {
            companies.put(company.id(), company);
            Builder record = companyRecord(company.id());
            if (record.present() || profile.has(Rule.COMPANIES_WHEN_CREATED)) {
                record.take(step, companyView(company));
            }
            else {
                record.pass(step);
            }
        }

        private void project(Step step, Project project) {
            Builder record = record(AuditedEntity.PROJECT, project.id(), project.token());
            boolean written = profile.has(Rule.PROJECTS) && (!record.present() || profile.has(Rule.PROJECT_CHANGES));
            if (written || (profile.has(Rule.COMPANIES_WITH_FIRST_CHILD) && step.kind() == StepKind.PROJECT_CREATED)) {
                bringInCompany(step, project.companyId());
            }
            if (written) {
                record.take(step, View.of("name", project.name(), "@parent", View.ref(AuditedEntity.COMPANY, project.companyId())));
            }
            else {
                record.pass(step);
            }
        }

        private void ticket(Step step, Ticket ticket) {
            tickets.put(ticket.id(), ticket);
            Builder record = ticketRecord(ticket.id(), ticket.number());
            if (profile.has(Rule.COMPANIES_WITH_FIRST_CHILD) && step.kind() == StepKind.TICKET_CREATED) {
                bringInCompany(step, ticket.companyId());
            }
            if (profile.has(Rule.TICKETS_AND_INVOICES_WHEN_CREATED) && record.present()) {
                record.take(step, ticketView(ticket));
            }
            else {
                record.pass(step);
            }
        }

        private void invoice(Step step, ServiceInvoice invoice) {
            Builder record = record(AuditedEntity.SERVICE_INVOICE, invoice.id(), invoice.number());
            if (profile.has(Rule.TICKETS_AND_INVOICES_WHEN_CREATED)) {
                Ticket ticket = tickets.get(invoice.ticketId());
                Builder ticketRecord = ticketRecord(invoice.ticketId(), ticket == null ? invoice.ticketId() : ticket.number());
                if (!ticketRecord.present() && ticket != null) {
                    ticketRecord.take(step, ticketView(ticket));
                }
                boolean change = !record.present() || step.kind() != StepKind.INVOICE_SENT;
                if (change) {
                    record.take(step, View.of("total", View.money(invoice.total()),
                            "lines", View.amounts(invoice.lines().stream().map(InvoiceLine::amount).toList()),
                            "@customer", View.ref(AuditedEntity.SERVICE_TICKET, invoice.ticketId())));
                    return;
                }
            }
            else if (profile.has(Rule.INVOICES_WHEN_SENT) && step.kind() == StepKind.INVOICE_SENT && !record.present()) {
                bringInCompany(step, invoice.companyId());
                record.take(step, View.of("total", View.money(invoice.total()), "lines", View.money(invoice.total()),
                        "@customer", View.ref(AuditedEntity.COMPANY, invoice.companyId())));
                return;
            }
            record.pass(step);
        }

        /** Changes made in QBO: a FULL tenant takes every one, a LAZY tenant new records only, the third none. */
        private void fromQbo(Step step, String qboId, Builder record, View view) {
            if (step.kind().isQboCreate()) {
                record.qboId = qboId;
            }
            boolean takes = step.kind().isQboCreate() ? profile.has(Rule.INBOUND_NEW)
                    : step.kind().isQboDelete() ? profile.has(Rule.INBOUND_DELETES) : profile.has(Rule.INBOUND_CHANGES);
            if (takes) {
                record.take(step, step.kind().isQboDelete() ? null : view);
            }
            else {
                record.pass(step);
            }
        }

        private void bringInCompany(Step step, String companyId) {
            Builder record = companyRecord(companyId);
            Company company = companies.get(companyId);
            if (!record.present() && company != null) {
                record.take(step, companyView(company));
            }
        }

        private Builder companyRecord(String companyId) {
            Company company = companies.get(companyId);
            return record(AuditedEntity.COMPANY, companyId, company == null ? companyId : company.token());
        }

        private Builder ticketRecord(String ticketId, String number) {
            return record(AuditedEntity.SERVICE_TICKET, ticketId, number);
        }

        private Builder record(AuditedEntity entity, String recordId, String token) {
            return records.computeIfAbsent(entity + "/" + recordId, key -> new Builder(plan.tenantId(), entity, recordId, token));
        }

        private static View companyView(Company company) {
            return View.of("name", company.name(), "email", company.email());
        }

        private static View ticketView(Ticket ticket) {
            return View.of("name", ticket.jobName(), "@parent", View.ref(AuditedEntity.COMPANY, ticket.companyId()));
        }

        private static View paymentView(QboPayment payment) {
            boolean service = payment.invoice().serviceInvoice();
            return View.of("total", View.money(payment.amount()), "amount", View.money(payment.amount()),
                    "kind", service ? "SERVICE_INVOICE" : "PROJECT_INVOICE",
                    "centerpoint", service ? payment.invoice().invoiceId() : payment.invoice().projectId(),
                    "@invoice", View.ref(service ? AuditedEntity.SERVICE_INVOICE : AuditedEntity.PROJECT_INVOICE,
                            payment.invoice().invoiceId()));
        }
    }
}
