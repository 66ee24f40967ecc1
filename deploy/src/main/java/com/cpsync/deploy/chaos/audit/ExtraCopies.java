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
record ExtraCopies(Workload workload, List<ExpectedRecord> expected, Map<ExpectedRecord, List<Auditor.Copy>> copies,
        QboSnapshot qbo, CenterpointSnapshot centerpoint) {

    List<Finding> find() {
        List<Finding> found = new ArrayList<>();
        for (TenantPlan tenant : workload.tenants()) {
            List<ExpectedRecord> records = expected.stream().filter(r -> r.tenantId().equals(tenant.tenantId())).toList();
            CenterpointSnapshot.Books received = centerpoint.tenant(tenant.tenantId());
            found.addAll(reimportedCompanies(records, received));
            found.addAll(secondQboCustomers(records, qbo.realm(tenant.realmId())));
            found.addAll(sameCommandTwice(tenant.tenantId(), records, received));
            found.addAll(strayProjectInvoices(tenant.tenantId(), records, received));
        }
        return found;
    }

    private static List<Finding> reimportedCompanies(List<ExpectedRecord> records, CenterpointSnapshot.Books received) {
        return records.stream().filter(r -> r.entity() == AuditedEntity.COMPANY).flatMap(record -> received.companies().stream()
                .filter(c -> !c.id().equals(record.recordId()) && Tokens.marks(c.name(), record.token()))
                .map(c -> duplicated(record, "imported back from QBO customer " + c.qboCustomerId() + " as a second company "
                        + c.id() + " '" + c.name() + "'"))).toList();
    }

    private static List<Finding> secondQboCustomers(List<ExpectedRecord> records, QboSnapshot.Books books) {
        return records.stream().filter(r -> r.entity() == AuditedEntity.QBO_CUSTOMER && r.qboId() != null)
                .flatMap(record -> books.customers().stream()
                        .filter(c -> !c.id().equals(record.qboId()) && Tokens.marks(c.displayName(), record.token()))
                        .map(c -> duplicated(record, "a second QBO customer " + c.id() + " '" + c.displayName() + "'")))
                .toList();
    }

    /**
     * Two applied commands in a row, for one QBO record and of one type, that say the same thing under
     * different ids. (A record that changes and changes back, e.g. a payment made and deleted, says the
     * same thing again after saying something else: that is no duplicate.)
     */
    private List<Finding> sameCommandTwice(String tenantId, List<ExpectedRecord> records, CenterpointSnapshot.Books received) {
        List<Finding> found = new ArrayList<>();
        Map<String, CenterpointSnapshot.Command> previous = new LinkedHashMap<>();
        for (CenterpointSnapshot.Command command : received.commands()) {
            String subject = command.type() + " " + command.subjectQboId();
            CenterpointSnapshot.Command before = previous.put(subject, command);
            if (before == null || before.commandId().equals(command.commandId()) || !before.payload().equals(command.payload())) {
                continue;
            }
            String what = "applied " + command.type() + " commands " + before.commandId() + " and " + command.commandId()
                    + " in a row with the same payload";
            found.add(ofQboRecord(tenantId, records, command.subjectQboId(), entityOfCommand(command.type()), what));
        }
        return found;
    }

    private List<Finding> strayProjectInvoices(String tenantId, List<ExpectedRecord> records, CenterpointSnapshot.Books received) {
        return received.projectInvoices().stream()
                .filter(i -> records.stream().noneMatch(r -> r.entity() == AuditedEntity.PROJECT_INVOICE
                        && Objects.equals(r.qboId(), i.qboInvoiceId())))
                .map(i -> ofQboRecord(tenantId, records, i.qboInvoiceId(), AuditedEntity.PROJECT_INVOICE,
                        "QBO invoice " + i.qboInvoiceId() + " (" + i.docNumber() + ") applied to project "
                                + i.projectId() + " although no project invoice was made in QBO with that id"))
                .toList();
    }

    /** A duplicate seen by its QBO id: the record that id belongs to, or the QBO id itself when it is no record's. */
    private Finding ofQboRecord(String tenantId, List<ExpectedRecord> records, String qboId, AuditedEntity kind,
            String what) {
        return ownerOf(records, qboId, kind).map(owner -> duplicated(owner, what))
                .orElseGet(() -> new Finding(Category.DUPLICATED, kind, tenantId, "qbo " + qboId, 1, what, List.of()));
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

    private static Finding duplicated(ExpectedRecord record, String what) {
        return new Finding(Category.DUPLICATED, record.entity(), record.tenantId(), record.recordId(), 1, what,
                record.steps().stream().filter(ExpectedStep::taken).map(ExpectedStep::stepIndex).toList());
    }

    private static AuditedEntity entityOfCommand(String type) {
        if (type.contains("Company")) {
            return AuditedEntity.QBO_CUSTOMER;
        }
        return type.contains("Payment") ? AuditedEntity.PAYMENT : AuditedEntity.PROJECT_INVOICE;
    }
}
