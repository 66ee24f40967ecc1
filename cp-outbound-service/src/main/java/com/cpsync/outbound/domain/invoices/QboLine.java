package com.cpsync.outbound.domain.invoices;

import java.math.BigDecimal;

/** One QBO SalesItemLineDetail line; {@code amount} is qty × unitPrice rounded HALF_UP to the cent. */
public record QboLine(String itemId, String description, BigDecimal qty, BigDecimal unitPrice, BigDecimal amount) {
}
