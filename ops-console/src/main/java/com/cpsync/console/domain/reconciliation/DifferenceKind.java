package com.cpsync.console.domain.reconciliation;

/** Why the two sides disagree about a record. */
public enum DifferenceKind {
    NOT_SYNCED_BY_SETTINGS(true),
    HELD_CONFLICT(true),
    FAILED(true),
    IN_FLIGHT(true),
    CHANGED_IN_QBO(false),
    DELETED_IN_QBO(false),
    MISSING_IN_QBO(false),
    MISSING_IN_CENTERPOINT(false),
    AMOUNT_DIFFERS(false),
    FIELD_DIFFERS(false);

    private final boolean explained;

    DifferenceKind(boolean explained) {
        this.explained = explained;
    }

    /** True when a recorded outcome or the settings say why: nobody has to look at it. */
    public boolean explained() {
        return explained;
    }

    /** Resync resends it: a person decides a held conflict, and the settings or the pipeline explain the rest. */
    public boolean resyncable() {
        return this != NOT_SYNCED_BY_SETTINGS && this != HELD_CONFLICT && this != IN_FLIGHT;
    }
}
