package com.cpsync.outbound.application;

import com.cpsync.outbound.application.port.SyncOutcomeRecord;

/** Whether a child's parent (company customer or ticket job) is in QBO now. */
public sealed interface ParentResult {

    /** The parent's QBO id. */
    record InQbo(String qboId) implements ParentResult {
    }

    /** The parent's Centerpoint state was never seen: the child waits for it (see DeferredWork). */
    record Unseen(String parentKey) implements ParentResult {
    }

    /** The parent cannot be brought (settings, conflict, refusal); the child cannot be synced. */
    record Unavailable(SyncOutcomeRecord.Result result, String reason) implements ParentResult {
    }
}
