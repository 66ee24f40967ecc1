package com.cpsync.console.domain.reconciliation;

import java.time.Instant;

/**
 * The latest sync outcome of a record in one direction, from the console's index. {@code result} is a
 * {@code SyncResult} name; {@code lastSyncedAt} the time of the record's latest SYNCED outcome in that direction
 * (null: none); {@code direction} {@code TO_QBO} or {@code FROM_QBO} (null: either, for tests that do not care).
 */
public record LatestOutcome(BooksEntity entity, String centerpointId, String qboId, String result, String reason,
        Instant at, Instant lastSyncedAt, String direction) {

    public LatestOutcome(BooksEntity entity, String centerpointId, String qboId, String result, String reason,
            Instant at, Instant lastSyncedAt) {
        this(entity, centerpointId, qboId, result, reason, at, lastSyncedAt, null);
    }

    /** cp-outbound-service's: what became of a Centerpoint record sent to QBO. */
    boolean toQbo() {
        return direction == null || "TO_QBO".equals(direction);
    }

    /** qbo-inbound-service's: what became of a QBO record taken into Centerpoint. */
    boolean fromQbo() {
        return direction == null || "FROM_QBO".equals(direction);
    }
}
