package com.cpsync.qbo.client;

/**
 * Whose call it is, within a realm's budget. Live work (a contractor's new event, a webhook's change) comes
 * first; a backlog or a reconciliation only takes what live work leaves (see {@link RealmBudget}).
 */
public enum CallPriority {
    /** Work someone is waiting for now: may spend the realm's budget to the last token. */
    LIVE,
    /** A backlog, a sweep, a reconciliation: stops short of a reserve kept for live work. */
    BACKLOG
}
