package com.cpsync.inbound.domain.qbo;

import java.time.LocalDate;
import java.util.List;

/** The fields of a QBO Invoice this sync reads. Money stays a decimal string. */
public record QboInvoice(String id, String syncToken, String customerId, String projectId, String docNumber,
        LocalDate txnDate, LocalDate dueDate, List<Line> lines, String total, String balance, boolean voided) {
}
