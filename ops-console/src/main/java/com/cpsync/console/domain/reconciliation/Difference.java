package com.cpsync.console.domain.reconciliation;

/** One named difference: which record, on which side, and why. */
public record Difference(BooksEntity entity, String centerpointId, String qboId, DifferenceKind kind, String reason) {

    /** Whether resync repairs it by re-announcing the QBO entity (inbound) rather than Centerpoint's event. */
    public boolean repairedFromQbo() {
        return !entity.isOutbound();
    }
}
