package com.cpsync.deploy.chaos.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.cpsync.deploy.chaos.audit.Finding.Category;
import com.cpsync.deploy.chaos.workload.TenantPlan;
import com.cpsync.deploy.chaos.workload.Tokens;
import com.cpsync.deploy.chaos.workload.Workload;

/**
 * Duplicates that are not a second copy where the record's copies live: a Centerpoint company imported
 * back from its own QBO customer, a second QBO customer for a customer made in QBO, two applied
 * commands that say the same thing under different ids, and a QBO invoice that is no project invoice
 * landing on a project.
 */
final class ExtraCopies {

    private final Workload workload;
    private final List<ExpectedRecord> expected;
    private final Map<ExpectedRecord, List<Auditor.Copy>> copies;
    private final QboSnapshot qbo;
    private final CenterpointSnapshot centerpoint;
    private final List<Finding> found = new ArrayList<>();

    ExtraCopies(Workload workload, List<ExpectedRecord> expected, Map<ExpectedRecord, List<Auditor.Copy>> copies,
            QboSnapshot qbo, CenterpointSnapshot centerpoint) {
        this.workload = workload;
        this.expected = expected;
        this.copies = copies;
        this.qbo = qbo;
        this.centerpoint = centerpoint;
    }

    List<Finding> find() {
        for (TenantPlan tenant : workload.tenants()) {
            List<ExpectedRecord> records = expected.stream().filter(r -> r.tenantId().equals(tenant.tenantId())).toList();
            CenterpointSnapshot.Books received = centerpoint.tenant(tenant.tenantId());
            reimportedCompanies(records, received);
            secondQboCustomers(records, qbo.realm(tenant.realmId()));
            sameCommandTwice(tenant.tenantId(), records, received);
            strayProjectInvoices(tenant.tenantId(), records, received);
        }
        return found;
    }

    private void reimportedCompanies(List<ExpectedRecord> records, CenterpointSnapshot.Books received) {
        records.stream().filter(r -> r.entity() == AuditedEntity.COMPANY).forEach(record -> received.companies().stream()
                .filter(c -> !c.id().equals(record.recordId()) && Tokens.marks(c.name(), record.token()))
                .forEach(c -> add(record, "imported back from QBO customer " + c.qboCustomerId() + " as a second company "
                        + c.id() + " '" + c.name() + "'")));
    }

    private void secondQboCustomers(List<ExpectedRecord> records, QboSnapshot.Books books) {
        records.stream().filter(r -> r.entity() == AuditedEntity.QBO_CUSTOMER && r.qboId() != null)
                .forEach(record -> books.customers().stream()
                        .filter(c -> !c.id().equals(record.qboId()) && Tokens.marks(c.displayName(), record.token()))
                        .forEach(c -> add(record, "a second QBO customer " + c.id() + " '" + c.displayName() + "'")));
    }

    /**
     * Two applied commands in a row, for one QBO record and of one type, that say the same thing under
     * different ids. (A record that changes and changes back, e.g. a payment made and deleted, says the
     * same thing again after saying something else: that is no duplicate.)
     */
    private void sameCommandTwice(String tenantId, List<ExpectedRecord> records, CenterpointSnapshot.Books received) {
        Map<String, CenterpointSnapshot.Command> previous = new LinkedHashMap<>();
        for (CenterpointSnapshot.Command command : received.commands()) {
            String subject = command.type() + " " + command.subjectQboId();
            CenterpointSnapshot.Command before = previous.put(subject, command);
            if (before == null || before.commandId().equals(command.commandId()) || !before.payload().equals(command.payload())) {
                continue;
            }
            String what = "applied " + command.type() + " commands " + before.commandId() + " and " + command.commandId()
                    + " in a row with the same payload";
            AuditedEntity entity = entityOfCommand(command.type());
            Optional<ExpectedRecord> owner = ownerOf(records, command.subjectQboId(), entity);
            if (owner.isPresent()) {
                add(owner.get(), what);
            }
            else {
                found.add(new Finding(Category.DUPLICATED, entity, tenantId, "qbo " + command.subjectQboId(), 1, what, List.of()));
            }
        }
    }

    private void strayProjectInvoices(String tenantId, List<ExpectedRecord> records, CenterpointSnapshot.Books received) {
        received.projectInvoices().stream()
                .filter(i -> records.stream().noneMatch(r -> r.entity() == AuditedEntity.PROJECT_INVOICE
                        && Objects.equals(r.qboId(), i.qboInvoiceId())))
                .forEach(i -> {
                    String what = "QBO invoice " + i.qboInvoiceId() + " (" + i.docNumber() + ") applied to project "
                            + i.projectId() + " although no project invoice was made in QBO with that id";
                    Optional<ExpectedRecord> owner = ownerOf(records, i.qboInvoiceId(), AuditedEntity.PROJECT_INVOICE);
                    if (owner.isPresent()) {
                        add(owner.get(), what);
                    }
                    else {
                        found.add(new Finding(Category.DUPLICATED, AuditedEntity.PROJECT_INVOICE, tenantId,
                                "qbo " + i.qboInvoiceId(), 1, what, List.of()));
                    }
                });
    }

    /**
     * The record a QBO id of a kind belongs to (ids repeat across entities): made in QBO with that id, or
     * a Centerpoint record whose copy it is (a customer is a company's copy, an invoice a service invoice's).
     */
    private Optional<ExpectedRecord> ownerOf(List<ExpectedRecord> records, String qboId, AuditedEntity kind) {
        AuditedEntity copyOf = kind == AuditedEntity.QBO_CUSTOMER ? AuditedEntity.COMPANY
                : kind == AuditedEntity.PROJECT_INVOICE ? AuditedEntity.SERVICE_INVOICE : null;
        return records.stream().filter(r -> (r.entity() == kind && Objects.equals(r.qboId(), qboId))
                || (r.entity() == copyOf && copies.get(r).stream().anyMatch(c -> c.id().equals(qboId)))).findFirst();
    }

    private void add(ExpectedRecord record, String what) {
        found.add(new Finding(Category.DUPLICATED, record.entity(), record.tenantId(), record.recordId(), 1, what,
                record.steps().stream().filter(ExpectedStep::taken).map(ExpectedStep::stepIndex).toList()));
    }

    private static AuditedEntity entityOfCommand(String type) {
        if (type.contains("Company")) {
            return AuditedEntity.QBO_CUSTOMER;
        }
        return type.contains("Payment") ? AuditedEntity.PAYMENT : AuditedEntity.PROJECT_INVOICE;
    }
}
