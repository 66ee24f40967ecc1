package com.cpsync.inbound.domain.decision;

/** How a decision ended (mirrors SyncResult). */
public enum Result {
    SYNCED, SKIPPED_BY_SETTINGS, ECHO_SUPPRESSED, CONFLICT, FAILED
}
