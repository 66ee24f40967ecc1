package com.cpsync.console.domain.reconciliation;

/**
 * One record handed to the normal sync path again, or why not: {@code via} CENTERPOINT_EVENT (Centerpoint
 * re-emitted its event), QBO_CHANGE (announced on qbo.changes.v1) or NOT_SENT with the reason.
 */
public record Resent(BooksEntity entity, String centerpointId, String qboId, DifferenceKind kind, Via via,
        String detail) {

    public enum Via {
        CENTERPOINT_EVENT, QBO_CHANGE, NOT_SENT
    }
}
