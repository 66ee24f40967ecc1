package com.cpsync.outbound.domain.invoices;

import java.math.BigDecimal;

/** An invoice as a DocNumber lookup found it in QBO: enough to tell whether it is the one we would create. */
public record InvoiceInQbo(String id, String docNumber, String customerId, BigDecimal total) {
}
