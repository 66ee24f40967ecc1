package com.cpsync.inbound.domain.decision;

/** What was, or would have been, done (mirrors SyncAction). */
public enum Action {
    CREATE, UPDATE, LINK, DELETE, VOID, NONE
}
