package com.cpsync.inbound.domain.decision;

/** The result word of an outcome (mirrors SyncResult); each {@link Decision} kind has exactly one. */
public enum Result {
    SYNCED, SKIPPED_BY_SETTINGS, ECHO_SUPPRESSED, CONFLICT, FAILED
}
