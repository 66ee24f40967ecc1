package com.cpsync.inbound.domain.decision;

import java.util.Optional;

/** The kinds of outcome entity this service decides about (a subset of SyncEntityType). */
public enum SyncedEntity {
    COMPANY, SERVICE_INVOICE, PROJECT_INVOICE, PAYMENT;

    /** Which synced entity a QBO entity name is about; empty for names this sync ignores. */
    public static Optional<SyncedEntity> ofQboEntity(String qboEntityName) {
        switch (qboEntityName) {
            case "Customer": return Optional.of(COMPANY);
            case "Invoice": return Optional.of(PROJECT_INVOICE);
            case "Payment": return Optional.of(PAYMENT);
            default: return Optional.empty();
        }
    }
}
