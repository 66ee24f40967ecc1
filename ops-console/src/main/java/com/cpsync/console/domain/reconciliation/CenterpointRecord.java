package com.cpsync.console.domain.reconciliation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * One record as Centerpoint holds it. {@code name}: a company's or project's name, a ticket's job name;
 * {@code companyId}: the company of a project, ticket or service invoice; {@code ownerId}: a service invoice's
 * ticket, a project invoice's project; {@code number}: a service invoice's number; {@code qboId}: the QBO id of
 * what came from QBO (project invoices, payments); {@code sent}: a service invoice sent, a project invoiced.
 */
public record CenterpointRecord(BooksEntity entity, String id, String name, String companyId, String ownerId,
        String number, LocalDate date, BigDecimal total, boolean sent, String qboId, Set<String> appliedTo,
        boolean voided, Instant changedAt) {

    public CenterpointRecord {
        appliedTo = appliedTo == null ? Set.of() : Set.copyOf(appliedTo);
    }
}
