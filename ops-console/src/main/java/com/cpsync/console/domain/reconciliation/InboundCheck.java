package com.cpsync.console.domain.reconciliation;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.cpsync.console.domain.reconciliation.QboRecord.QboType;

/**
 * One QBO customer, project invoice or payment that the settings may take, or one Centerpoint project invoice or
 * payment that came from QBO, against the other side (docs/reconciliation.md, "Inbound").
 */
final class InboundCheck {

    private final BooksIndex books;
    private final BooksSettings settings;

    InboundCheck(BooksIndex books) {
        this.books = books;
        this.settings = books.snapshot().settings();
    }

    /** Whether the QBO record is one the inbound side is about (a synced customer, project invoice or payment). */
    boolean concerns(QboRecord qbo) {
        switch (qbo.type()) {
            case Customer:
                return qbo.parentId() == null && books.linkOfQbo(BooksEntity.COMPANY, qbo.id()).isEmpty()
                        && qbo.live();
            case Invoice:
                return entityOf(qbo) == BooksEntity.PROJECT_INVOICE;
            default:
                return qbo.appliedTo().stream().anyMatch(this::isSyncedInvoice);
        }
    }

    Optional<Difference> check(QboRecord qbo) {
        BooksEntity entity = entityOf(qbo);
        Optional<CenterpointRecord> inCenterpoint = books.centerpointOfQbo(entity, qbo.id());
        String centerpointId = inCenterpoint.map(CenterpointRecord::id).orElse(null);
        if (inCenterpoint.isEmpty() && qbo.voided()) {
            return Optional.empty();
        }
        if (inCenterpoint.isEmpty() && !settings.takes(entity)) {
            return Optional.of(new Difference(entity, null, qbo.id(), DifferenceKind.NOT_SYNCED_BY_SETTINGS,
                    "new QBO " + qbo.type() + "s are not taken into Centerpoint by the settings"));
        }
        Optional<Difference> verdict = OutcomeVerdict.of(books.outcomeOfQbo(entity, qbo.id()), entity,
                centerpointId, qbo.id());
        if (verdict.isPresent()) {
            return verdict;
        }
        if (books.inFlight(qbo.lastUpdated(), books.snapshot().inboundLag())) {
            return Optional.of(new Difference(entity, centerpointId, qbo.id(), DifferenceKind.IN_FLIGHT,
                    "changed in QBO at " + qbo.lastUpdated() + ", within qbo-inbound-service's current lag"));
        }
        if (inCenterpoint.isEmpty()) {
            return Optional.of(new Difference(entity, null, qbo.id(), DifferenceKind.MISSING_IN_CENTERPOINT,
                    "QBO " + qbo.type() + " " + qbo.id() + describe(qbo) + " is not in Centerpoint"));
        }
        return compare(inCenterpoint.get(), qbo);
    }

    /** A Centerpoint project invoice or payment whose QBO entity is gone. */
    Optional<Difference> checkOrphan(CenterpointRecord record) {
        Optional<QboRecord> inQbo = books.qbo(OutboundCheck.qboType(record.entity()), record.qboId());
        if (record.voided() || inQbo.isPresent() && !inQbo.get().voided()) {
            return Optional.empty();
        }
        String state = inQbo.isPresent() ? "voided" : "deleted";
        DifferenceKind kind = settings.appliesDeletionsOf(record.entity()) ? DifferenceKind.DELETED_IN_QBO
                : DifferenceKind.NOT_SYNCED_BY_SETTINGS;
        return Optional.of(new Difference(record.entity(), record.id(), record.qboId(), kind,
                "QBO " + OutboundCheck.qboType(record.entity()) + " " + record.qboId() + " is " + state
                        + (kind == DifferenceKind.DELETED_IN_QBO ? " but not in Centerpoint"
                                : "; the settings do not apply deletions of a " + record.entity())));
    }

    /** Whether Centerpoint has the record (then it was checked, and counted, from Centerpoint's side too). */
    boolean hasCounterpart(QboRecord qbo) {
        return books.centerpointOfQbo(entityOf(qbo), qbo.id()).isPresent();
    }

    private Optional<Difference> compare(CenterpointRecord record, QboRecord qbo) {
        if (qbo.voided() || qbo.type() == QboType.Customer) {
            // a voided one is checkOrphan's; a customer's name is compared from the linked company's side
            return Optional.empty();
        }
        String what = null;
        DifferenceKind kind = null;
        if (record.total() == null || qbo.total() == null || record.total().compareTo(qbo.total()) != 0) {
            what = "total " + OutboundCheck.money(qbo.total()) + " in QBO, " + OutboundCheck.money(record.total())
                    + " in Centerpoint";
            kind = DifferenceKind.AMOUNT_DIFFERS;
        }
        else if (qbo.type() == QboType.Payment && !record.appliedTo().equals(syncedInvoicesOf(qbo))) {
            what = "applied to QBO invoices " + syncedInvoicesOf(qbo) + " in QBO, " + record.appliedTo()
                    + " in Centerpoint";
            kind = DifferenceKind.FIELD_DIFFERS;
        }
        if (kind == null) {
            return Optional.empty();
        }
        if (!settings.takesChangesOf(record.entity())) {
            kind = DifferenceKind.NOT_SYNCED_BY_SETTINGS;
            what += "; changes of a " + record.entity() + " are not taken by the settings";
        }
        return Optional.of(new Difference(record.entity(), record.id(), qbo.id(), kind, what));
    }

    private BooksEntity entityOf(QboRecord qbo) {
        switch (qbo.type()) {
            case Customer:
                return BooksEntity.COMPANY;
            case Payment:
                return BooksEntity.PAYMENT;
            default:
                boolean serviceInvoice = books.linkOfQbo(BooksEntity.SERVICE_INVOICE, qbo.id()).isPresent();
                boolean ofProject = books.linkOfQbo(BooksEntity.PROJECT, qbo.parentId()).isPresent();
                return !serviceInvoice && ofProject ? BooksEntity.PROJECT_INVOICE : BooksEntity.SERVICE_INVOICE;
        }
    }

    /** The invoices a payment applies to that Centerpoint has: it is told of no others. */
    private Set<String> syncedInvoicesOf(QboRecord payment) {
        return payment.appliedTo().stream().filter(this::isSyncedInvoice).collect(Collectors.toSet());
    }

    private boolean isSyncedInvoice(String qboInvoiceId) {
        return books.linkOfQbo(BooksEntity.SERVICE_INVOICE, qboInvoiceId).isPresent()
                || books.qbo(QboType.Invoice, qboInvoiceId).map(this::entityOf)
                        .filter(entity -> entity == BooksEntity.PROJECT_INVOICE).isPresent();
    }

    private static String describe(QboRecord qbo) {
        if (qbo.type() == QboType.Customer) {
            return " '" + qbo.name() + "'";
        }
        return (qbo.docNumber() == null ? "" : " " + qbo.docNumber()) + " of " + OutboundCheck.money(qbo.total())
                + (qbo.date() == null ? "" : " on " + qbo.date());
    }
}
