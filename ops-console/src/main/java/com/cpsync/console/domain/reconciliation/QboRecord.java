package com.cpsync.console.domain.reconciliation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * One QBO entity as the reconciliation's queries returned it: a Customer (a job when {@code parentId} is set),
 * an Invoice ({@code parentId} its customer, {@code appliedTo} empty) or a Payment ({@code appliedTo} the
 * invoices it pays).
 */
public record QboRecord(QboType type, String id, String name, String parentId, String docNumber, LocalDate date,
        BigDecimal total, boolean active, boolean voided, Set<String> appliedTo, Instant lastUpdated, String json) {

    public QboRecord {
        appliedTo = appliedTo == null ? Set.of() : Set.copyOf(appliedTo);
    }

    /** QBO's entity names. */
    public enum QboType {
        Customer, Invoice, Payment
    }

    /** Present and in use: not inactive, not voided. */
    public boolean live() {
        return active && !voided;
    }
}
