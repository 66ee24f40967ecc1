package com.cpsync.outbound.domain.invoices;

import java.time.LocalDate;
import java.util.List;

/**
 * The QBO Invoice fields we write (or read back): CustomerRef, DocNumber, TxnDate, DueDate and the
 * SalesItemLineDetail lines. A null field is not sent, so a sparse update carries only what changed.
 */
public record InvoiceFields(String customerId, String docNumber, LocalDate txnDate, LocalDate dueDate,
        List<QboLine> lines) {

    public InvoiceFields {
        lines = lines == null ? null : List.copyOf(lines);
    }
}
