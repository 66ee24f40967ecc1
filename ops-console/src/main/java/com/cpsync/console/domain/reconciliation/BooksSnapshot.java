package com.cpsync.console.domain.reconciliation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything one reconciliation of a tenant compares: both sides' records, mapping-service's links, the latest
 * outcomes and how far behind each sync direction is now ({@code outboundLag}: cp-outbound-service's oldest
 * unconsumed event; {@code inboundLag}: qbo-inbound-service's oldest unconsumed change).
 */
public record BooksSnapshot(BooksSettings settings, List<CenterpointRecord> centerpoint, List<QboRecord> qbo,
        List<Link> links, List<LatestOutcome> outcomes, Duration outboundLag, Duration inboundLag, Instant now) {

    public BooksSnapshot {
        centerpoint = List.copyOf(centerpoint);
        qbo = List.copyOf(qbo);
        links = List.copyOf(links);
        outcomes = List.copyOf(outcomes);
    }
}
