package com.cpsync.console.domain.reconciliation;

/** What a record of the books is; the names are {@code SyncEntityType}'s. */
public enum BooksEntity {
    COMPANY, PROJECT, SERVICE_TICKET, SERVICE_INVOICE, PROJECT_INVOICE, PAYMENT;

    /** Entities Centerpoint creates and cp-outbound-service sends to QBO. */
    public boolean isOutbound() {
        return this == COMPANY || this == PROJECT || this == SERVICE_TICKET || this == SERVICE_INVOICE;
    }
}
