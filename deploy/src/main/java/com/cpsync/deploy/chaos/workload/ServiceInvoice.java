package com.cpsync.deploy.chaos.workload;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A Centerpoint service invoice for a ticket; its number is its token (QBO DocNumber). Its total is
 * the sum of its lines, except for the few the workload makes inconsistent on purpose (issue 8: such an
 * invoice must not be SYNCED with another total).
 */
public record ServiceInvoice(String id, String number, String companyId, String ticketId, LocalDate issueDate,
        List<InvoiceLine> lines, BigDecimal total) implements SourceRecord {

    @Override
    public String token() {
        return number;
    }

    public BigDecimal linesSum() {
        return lines.stream().map(InvoiceLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
