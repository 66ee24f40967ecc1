package com.cpsync.console.domain.reconciliation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.cpsync.qbo.client.names.DisplayNames;

/** One Centerpoint company, project, ticket or service invoice against QBO (docs/reconciliation.md, rules 1–8). */
final class OutboundCheck {

    /** QBO's DocNumber limit: a longer number goes out shortened with a hash, so it is not compared. */
    private static final int DOC_NUMBER_LIMIT = 21;

    private final BooksIndex books;
    private final OutboundScope scope;

    OutboundCheck(BooksIndex books) {
        this.books = books;
        this.scope = OutboundScope.of(books.snapshot().settings(), books.snapshot().centerpoint());
    }

    Optional<Difference> check(CenterpointRecord record) {
        BooksEntity entity = record.entity();
        Optional<Link> link = books.link(entity, record.id());
        String qboId = link.map(Link::qboId).orElse(null);
        if (link.isEmpty() && !scope.sends(record)) {
            return Optional.of(difference(record, null, DifferenceKind.NOT_SYNCED_BY_SETTINGS, scope.whyNot(record)));
        }
        Optional<LatestOutcome> outcome = books.outcome(entity, record.id());
        Optional<Difference> verdict = OutcomeVerdict.of(outcome, entity, record.id(), qboId);
        if (verdict.isPresent()) {
            return verdict;
        }
        if (books.inFlight(record.changedAt(), books.snapshot().outboundLag())) {
            return Optional.of(difference(record, qboId, DifferenceKind.IN_FLIGHT,
                    "changed at " + record.changedAt() + ", within cp-outbound-service's current lag"));
        }
        if (link.isEmpty()) {
            if (outcome.isPresent() && "SKIPPED_BY_SETTINGS".equals(outcome.get().result())) {
                return Optional.of(difference(record, null, DifferenceKind.NOT_SYNCED_BY_SETTINGS,
                        outcome.get().reason()));
            }
            return Optional.of(difference(record, null, DifferenceKind.MISSING_IN_QBO,
                    "no QBO " + qboType(entity) + " is linked"
                            + outcome.map(o -> "; latest outcome " + o.result() + " at " + o.at()).orElse("")));
        }
        Optional<QboRecord> inQbo = books.qbo(qboType(entity), qboId);
        if (inQbo.isEmpty() || !inQbo.get().live()) {
            String state = inQbo.isEmpty() ? "deleted" : inQbo.get().voided() ? "voided" : "inactive";
            return Optional.of(difference(record, qboId, DifferenceKind.DELETED_IN_QBO,
                    "QBO " + qboType(entity) + " " + qboId + " is " + state));
        }
        return compare(record, inQbo.get(), outcome);
    }

    private Optional<Difference> compare(CenterpointRecord record, QboRecord qbo, Optional<LatestOutcome> outcome) {
        Instant lastSyncedAt = outcome.map(LatestOutcome::lastSyncedAt).orElse(null);
        String qboId = qbo.id();
        boolean amount = record.total() != null && (qbo.total() == null || record.total().compareTo(qbo.total()) != 0);
        List<String> fields = fieldDifferences(record, qbo);
        if (!amount && fields.isEmpty()) {
            return Optional.empty();
        }
        String what = amount ? "total " + money(record.total()) + " in Centerpoint, " + money(qbo.total()) + " in QBO"
                : String.join("; ", fields);
        String which = " (QBO " + qbo.type() + " " + qboId + ")";
        // the settings first: a newer QBO version is no proof of a person's change (a payment applied to an invoice
        // makes one); and the record's latest outcome, a skip, says so in processing order, whatever the clocks say
        if (outcome.isPresent() && "SKIPPED_BY_SETTINGS".equals(outcome.get().result())) {
            return Optional.of(difference(record, qboId, DifferenceKind.NOT_SYNCED_BY_SETTINGS,
                    what + which + "; its latest change was skipped: " + outcome.get().reason()));
        }
        if (!books.snapshot().settings().sendsChangesOf(record.entity()) && record.changedAt() != null
                && (lastSyncedAt == null || record.changedAt().isAfter(lastSyncedAt))) {
            return Optional.of(difference(record, qboId, DifferenceKind.NOT_SYNCED_BY_SETTINGS,
                    what + which + "; changes of a " + record.entity() + " are not sent by the settings"));
        }
        if (lastSyncedAt != null && qbo.lastUpdated() != null && qbo.lastUpdated().isAfter(lastSyncedAt)) {
            return Optional.of(difference(record, qboId, DifferenceKind.CHANGED_IN_QBO,
                    what + which + ", changed in QBO at " + qbo.lastUpdated() + " after the last sync at "
                            + lastSyncedAt));
        }
        return Optional.of(difference(record, qboId, amount ? DifferenceKind.AMOUNT_DIFFERS
                : DifferenceKind.FIELD_DIFFERS, what + which));
    }

    private List<String> fieldDifferences(CenterpointRecord record, QboRecord qbo) {
        List<String> differences = new ArrayList<>();
        String suffix = books.snapshot().settings().nameConflictSuffix();
        if (record.entity() != BooksEntity.SERVICE_INVOICE && record.name() != null
                && !DisplayNames.isNameOrSuffixed(qbo.name(), expectedName(record), suffix)) {
            differences.add("name '" + expectedName(record) + "' in Centerpoint, '" + qbo.name() + "' in QBO");
        }
        List<String> parents = expectedParents(record);
        if (!parents.isEmpty() && !parents.contains(qbo.parentId())) {
            differences.add("parent QBO " + String.join(" or ", parents) + " expected, QBO has " + qbo.parentId());
        }
        if (record.entity() == BooksEntity.SERVICE_INVOICE && record.number() != null
                && record.number().trim().length() <= DOC_NUMBER_LIMIT
                && !Objects.equals(record.number().trim(), qbo.docNumber())) {
            differences.add("DocNumber " + record.number() + " in Centerpoint, " + qbo.docNumber() + " in QBO");
        }
        return differences;
    }

    /**
     * The customers a record may sit under in QBO, of its linked parents (none: nothing to compare). An invoice
     * sits under its ticket's job, or under the company's customer when the ticket was not in QBO at the time.
     */
    private List<String> expectedParents(CenterpointRecord record) {
        List<String> parents = new ArrayList<>();
        if (record.entity() == BooksEntity.SERVICE_INVOICE && record.ownerId() != null) {
            books.link(BooksEntity.SERVICE_TICKET, record.ownerId()).map(Link::qboId).ifPresent(parents::add);
        }
        if (record.entity() != BooksEntity.COMPANY) {
            books.link(BooksEntity.COMPANY, record.companyId()).map(Link::qboId).ifPresent(parents::add);
        }
        return parents;
    }

    private static String expectedName(CenterpointRecord record) {
        if (record.entity() == BooksEntity.PROJECT && DisplayNames.clean(record.name()).isEmpty()) {
            return "Project " + record.id();
        }
        return record.name();
    }

    static QboRecord.QboType qboType(BooksEntity entity) {
        return entity == BooksEntity.SERVICE_INVOICE || entity == BooksEntity.PROJECT_INVOICE
                ? QboRecord.QboType.Invoice
                : entity == BooksEntity.PAYMENT ? QboRecord.QboType.Payment : QboRecord.QboType.Customer;
    }

    static String money(BigDecimal amount) {
        return amount == null ? "none" : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static Difference difference(CenterpointRecord record, String qboId, DifferenceKind kind, String reason) {
        return new Difference(record.entity(), record.id(), qboId, kind, reason);
    }
}
