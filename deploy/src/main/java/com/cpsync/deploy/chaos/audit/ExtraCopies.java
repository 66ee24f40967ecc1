package com.cpsync.deploy.chaos.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

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

    private void sameCommandTwice(String tenantId, List<ExpectedRecord> records, CenterpointSnapshot.Books received) {
        Map<String, List<CenterpointSnapshot.Command>> bySaying = received.commands().stream()
                .collect(Collectors.groupingBy(c -> c.type() + " " + c.payload(), LinkedHashMap::new, Collectors.toList()));
        bySaying.values().stream().filter(same -> same.stream().map(CenterpointSnapshot.Command::commandId).distinct().count() > 1)
                .forEach(same -> {
                    CenterpointSnapshot.Command first = same.get(0);
                    String what = same.size() + " applied " + first.type() + " commands with the same payload: "
                            + same.stream().map(CenterpointSnapshot.Command::commandId).toList();
                    Optional<ExpectedRecord> owner = ownerOf(records, first.subjectQboId());
                    if (owner.isPresent()) {
                        add(owner.get(), what);
                    }
                    else {
                        found.add(new Finding(Category.DUPLICATED, entityOfCommand(first.type()), tenantId,
                                "qbo " + first.subjectQboId(), 1, what, List.of()));
                    }
                });
    }

    private void strayProjectInvoices(String tenantId, List<ExpectedRecord> records, CenterpointSnapshot.Books received) {
        received.projectInvoices().stream()
                .filter(i -> records.stream().noneMatch(r -> r.entity() == AuditedEntity.PROJECT_INVOICE
                        && Objects.equals(r.qboId(), i.qboInvoiceId())))
                .forEach(i -> {
                    String what = "QBO invoice " + i.qboInvoiceId() + " (" + i.docNumber() + ") applied to project "
                            + i.projectId() + " although no project invoice was made in QBO with that id";
                    Optional<ExpectedRecord> owner = ownerOf(records, i.qboInvoiceId());
                    if (owner.isPresent()) {
                        add(owner.get(), what);
                    }
                    else {
                        found.add(new Finding(Category.DUPLICATED, AuditedEntity.PROJECT_INVOICE, tenantId,
                                "qbo " + i.qboInvoiceId(), 1, what, List.of()));
                    }
                });
    }

    /** The record a QBO id belongs to: made in QBO with that id, or a Centerpoint record whose copy it is. */
    private Optional<ExpectedRecord> ownerOf(List<ExpectedRecord> records, String qboId) {
        return records.stream().filter(r -> Objects.equals(r.qboId(), qboId)
                || (r.entity().fromCenterpoint() && copies.get(r).stream().anyMatch(c -> c.id().equals(qboId)))).findFirst();
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
