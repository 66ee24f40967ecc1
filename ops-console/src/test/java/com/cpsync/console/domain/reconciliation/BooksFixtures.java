package com.cpsync.console.domain.reconciliation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.cpsync.console.domain.reconciliation.QboRecord.QboType;

/** Books of one tenant, built record by record, as ddd-library's fixtures build a patron. */
final class BooksFixtures {

    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    static final Instant SYNCED_AT = NOW.minus(Duration.ofHours(2));
    static final Instant CHANGED_AT = NOW.minus(Duration.ofHours(3));

    static final BooksSettings EVERYTHING = new BooksSettings("WHEN_CREATED", "WHEN_CREATED", true, "WHEN_INVOICED",
            true, "WHEN_CREATED", true, true, true, true, true, true, true, true, " (customer)");

    BooksSettings settings = EVERYTHING;
    final List<CenterpointRecord> centerpoint = new ArrayList<>();
    final List<QboRecord> qbo = new ArrayList<>();
    final List<Link> links = new ArrayList<>();
    final List<LatestOutcome> outcomes = new ArrayList<>();
    Duration outboundLag = Duration.ZERO;
    Duration inboundLag = Duration.ZERO;

    static BooksFixtures books() {
        return new BooksFixtures();
    }

    BooksFixtures with(BooksSettings newSettings) {
        settings = newSettings;
        return this;
    }

    BooksFixtures company(String id, String name) {
        centerpoint.add(new CenterpointRecord(BooksEntity.COMPANY, id, name, null, null, null, null, null, false,
                null, Set.of(), false, CHANGED_AT));
        return this;
    }

    BooksFixtures invoice(String id, String companyId, String number, String total) {
        centerpoint.add(new CenterpointRecord(BooksEntity.SERVICE_INVOICE, id, null, companyId, null, number,
                LocalDate.parse("2026-11-03"), new BigDecimal(total), false, null, Set.of(), false, CHANGED_AT));
        return this;
    }

    BooksFixtures projectInvoice(String projectId, String qboId, String total) {
        centerpoint.add(new CenterpointRecord(BooksEntity.PROJECT_INVOICE, projectId + ":" + qboId, null, null,
                projectId, null, LocalDate.parse("2026-10-15"), new BigDecimal(total), false, qboId, Set.of(), false,
                CHANGED_AT));
        return this;
    }

    BooksFixtures payment(String qboId, String total, String... appliedTo) {
        centerpoint.add(new CenterpointRecord(BooksEntity.PAYMENT, qboId, null, null, null, null,
                LocalDate.parse("2026-11-20"), new BigDecimal(total), false, qboId, Set.of(appliedTo), false,
                CHANGED_AT));
        return this;
    }

    BooksFixtures customer(String id, String name, String parentId) {
        qbo.add(new QboRecord(QboType.Customer, id, name, parentId, null, null, null, true, false, Set.of(),
                SYNCED_AT.minusSeconds(1), "{}"));
        return this;
    }

    BooksFixtures qboInvoice(String id, String customerId, String docNumber, String total, Instant lastUpdated) {
        qbo.add(new QboRecord(QboType.Invoice, id, null, customerId, docNumber, LocalDate.parse("2026-11-03"),
                new BigDecimal(total), true, false, Set.of(), lastUpdated, "{}"));
        return this;
    }

    BooksFixtures voidedQboInvoice(String id, String customerId, String docNumber) {
        qbo.add(new QboRecord(QboType.Invoice, id, null, customerId, docNumber, LocalDate.parse("2026-11-03"),
                BigDecimal.ZERO, true, true, Set.of(), NOW.minus(Duration.ofHours(1)), "{}"));
        return this;
    }

    BooksFixtures qboPayment(String id, String total, Instant lastUpdated, String... appliedTo) {
        qbo.add(new QboRecord(QboType.Payment, id, null, "1", null, LocalDate.parse("2026-11-20"),
                new BigDecimal(total), true, false, Set.of(appliedTo), lastUpdated, "{}"));
        return this;
    }

    BooksFixtures link(BooksEntity entity, String centerpointId, String qboId) {
        links.add(new Link(entity, centerpointId, qboId));
        return this;
    }

    /** A SYNCED outcome two hours ago, as cp-outbound-service wrote it. */
    BooksFixtures synced(BooksEntity entity, String centerpointId, String qboId) {
        outcomes.add(new LatestOutcome(entity, centerpointId, qboId, "SYNCED", null, SYNCED_AT, SYNCED_AT));
        return this;
    }

    BooksFixtures outcome(BooksEntity entity, String centerpointId, String qboId, String result, String reason) {
        outcomes.add(new LatestOutcome(entity, centerpointId, qboId, result, reason, SYNCED_AT, null));
        return this;
    }

    BooksFixtures lag(Duration outbound, Duration inbound) {
        outboundLag = outbound;
        inboundLag = inbound;
        return this;
    }

    /** A company, its customer 1, its invoice si-1 as QBO Invoice 130 of 380.00, all synced. */
    static BooksFixtures syncedInvoice() {
        return books().company("co-1", "Acme Roofing").invoice("si-1", "co-1", "SI-1001", "380.00")
                .customer("1", "Acme Roofing", null).qboInvoice("130", "1", "SI-1001", "380.00", SYNCED_AT.minusSeconds(1))
                .link(BooksEntity.COMPANY, "co-1", "1").link(BooksEntity.SERVICE_INVOICE, "si-1", "130")
                .synced(BooksEntity.COMPANY, "co-1", "1").synced(BooksEntity.SERVICE_INVOICE, "si-1", "130");
    }

    /** {@link #syncedInvoice}'s QBO Invoice 130 as QBO has it now: that total, last updated then. */
    BooksFixtures qboInvoiceNow(String total, Instant lastUpdated) {
        qbo.removeIf(r -> r.id().equals("130"));
        return qboInvoice("130", "1", "SI-1001", total, lastUpdated);
    }

    BooksSnapshot snapshot() {
        return new BooksSnapshot(settings, centerpoint, qbo, links, outcomes, outboundLag, inboundLag, NOW);
    }

    Reconciled reconcile() {
        return Classifier.classify(snapshot());
    }
}
