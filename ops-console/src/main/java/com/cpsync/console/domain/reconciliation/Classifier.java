package com.cpsync.console.domain.reconciliation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares one tenant's books on both sides and names every difference (docs/reconciliation.md): each
 * Centerpoint record sent to QBO, each QBO record the inbound side takes, and each Centerpoint record that came
 * from QBO is checked once, and has at most one difference.
 */
public final class Classifier {

    private Classifier() {
    }

    public static Reconciled classify(BooksSnapshot snapshot) {
        BooksIndex books = new BooksIndex(snapshot);
        OutboundCheck outbound = new OutboundCheck(books);
        InboundCheck inbound = new InboundCheck(books);
        List<Difference> differences = new ArrayList<>();
        int checked = 0;
        for (CenterpointRecord record : snapshot.centerpoint()) {
            Optional<Difference> found = record.entity().isOutbound() ? outbound.check(record)
                    : inbound.checkOrphan(record);
            found.ifPresent(differences::add);
            checked++;
        }
        for (QboRecord record : snapshot.qbo()) {
            if (inbound.concerns(record)) {
                boolean counted = inbound.hasCounterpart(record);
                inbound.check(record).ifPresent(differences::add);
                checked += counted ? 0 : 1;
            }
        }
        return new Reconciled(checked, MonthFigures.of(snapshot.centerpoint(), snapshot.qbo()), differences);
    }
}
