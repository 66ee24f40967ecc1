package com.cpsync.console.domain.reconciliation;

/** One named difference: which record, on which side, and why. */
public record Difference(BooksEntity entity, String centerpointId, String qboId, DifferenceKind kind, String reason) {

    /**
     * Whether resync repairs it by announcing the QBO entity (what came from QBO, or a QBO customer Centerpoint has
     * no company of) rather than by Centerpoint's event.
     */
    public boolean repairedFromQbo() {
        return !entity.isOutbound() || centerpointId == null;
    }
}
