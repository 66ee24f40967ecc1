package com.cpsync.outbound.domain.centerpoint;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

public record ServiceInvoice(String id, String companyId, String ticketId, String number, LocalDate issueDate,
        LocalDate dueDate, List<InvoiceLine> lines, BigDecimal total) implements CenterpointEntity {

    public ServiceInvoice {
        lines = List.copyOf(lines);
    }
}
