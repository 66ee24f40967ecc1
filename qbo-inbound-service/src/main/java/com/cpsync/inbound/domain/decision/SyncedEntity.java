package com.cpsync.inbound.domain.decision;

import java.util.Optional;

import com.cpsync.inbound.domain.change.QboEntity;

/** The kinds of outcome entity this service decides about (a subset of SyncEntityType). */
public enum SyncedEntity {
    COMPANY, SERVICE_INVOICE, PROJECT_INVOICE, PAYMENT;

    /** What a change of this QBO entity is decided as; empty for entities this sync ignores. */
    public static Optional<SyncedEntity> of(QboEntity entity) {
        switch (entity) {
            case CUSTOMER: return Optional.of(COMPANY);
            case INVOICE: return Optional.of(PROJECT_INVOICE);
            case PAYMENT: return Optional.of(PAYMENT);
            default: return Optional.empty();
        }
    }
}
