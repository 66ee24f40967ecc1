package com.cpsync.console.domain.reconciliation;

import java.time.Instant;

/**
 * The latest sync outcome of a record, from the console's index. {@code result} is a {@code SyncResult} name;
 * {@code lastSyncedAt} the time of the record's latest SYNCED outcome (null: none).
 */
public record LatestOutcome(BooksEntity entity, String centerpointId, String qboId, String result, String reason,
        Instant at, Instant lastSyncedAt) {
}
