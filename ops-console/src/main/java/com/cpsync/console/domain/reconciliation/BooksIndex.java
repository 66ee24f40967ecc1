package com.cpsync.console.domain.reconciliation;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The snapshot's records, links and outcomes, found by id on either side. */
final class BooksIndex {

    private final BooksSnapshot snapshot;
    private final Map<String, Link> linkByCenterpoint = new HashMap<>();
    private final Map<String, Link> linkByQbo = new HashMap<>();
    private final Map<String, LatestOutcome> outcomeByCenterpoint = new HashMap<>();
    private final Map<String, LatestOutcome> outcomeByQbo = new HashMap<>();
    private final Map<String, QboRecord> qbo = new HashMap<>();
    private final Map<String, CenterpointRecord> centerpointByQbo = new HashMap<>();

    BooksIndex(BooksSnapshot snapshot) {
        this.snapshot = snapshot;
        snapshot.links().forEach(link -> {
            linkByCenterpoint.put(key(link.entity(), link.centerpointId()), link);
            linkByQbo.put(key(link.entity(), link.qboId()), link);
        });
        // a record's outcomes in its own direction only: qbo-inbound's echo of cp-outbound's write is not the
        // Centerpoint record's latest word (ChaosRunIT: it hid a skip by the settings)
        snapshot.outcomes().forEach(outcome -> {
            if (outcome.centerpointId() != null && outcome.toQbo()) {
                outcomeByCenterpoint.merge(key(outcome.entity(), outcome.centerpointId()), outcome, BooksIndex::later);
            }
            if (outcome.qboId() != null && outcome.fromQbo()) {
                outcomeByQbo.merge(key(outcome.entity(), outcome.qboId()), outcome, BooksIndex::later);
            }
        });
        snapshot.qbo().forEach(record -> qbo.put(record.type() + "|" + record.id(), record));
        snapshot.centerpoint().stream().filter(record -> record.qboId() != null)
                .forEach(record -> centerpointByQbo.put(key(record.entity(), record.qboId()), record));
    }

    BooksSnapshot snapshot() {
        return snapshot;
    }

    Optional<Link> link(BooksEntity entity, String centerpointId) {
        return Optional.ofNullable(linkByCenterpoint.get(key(entity, centerpointId)));
    }

    Optional<Link> linkOfQbo(BooksEntity entity, String qboId) {
        return Optional.ofNullable(qboId == null ? null : linkByQbo.get(key(entity, qboId)));
    }

    Optional<LatestOutcome> outcome(BooksEntity entity, String centerpointId) {
        return Optional.ofNullable(outcomeByCenterpoint.get(key(entity, centerpointId)));
    }

    Optional<LatestOutcome> outcomeOfQbo(BooksEntity entity, String qboId) {
        return Optional.ofNullable(outcomeByQbo.get(key(entity, qboId)));
    }

    Optional<QboRecord> qbo(QboRecord.QboType type, String id) {
        return Optional.ofNullable(qbo.get(type + "|" + id));
    }

    /** The Centerpoint record that came from this QBO entity (a company by its customer, a payment, an invoice). */
    Optional<CenterpointRecord> centerpointOfQbo(BooksEntity entity, String qboId) {
        return Optional.ofNullable(centerpointByQbo.get(key(entity, qboId)));
    }

    /** A change made after the oldest record the direction has still to consume (the lag includes a write's time). */
    boolean inFlight(Instant changedAt, Duration lag) {
        return changedAt != null && changedAt.isAfter(snapshot.now().minus(lag));
    }

    private static LatestOutcome later(LatestOutcome a, LatestOutcome b) {
        return b.at().isAfter(a.at()) ? b : a;
    }

    private static String key(BooksEntity entity, String id) {
        return entity + "|" + id;
    }
}
