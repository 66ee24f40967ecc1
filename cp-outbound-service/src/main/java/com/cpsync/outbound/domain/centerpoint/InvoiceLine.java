package com.cpsync.outbound.domain.centerpoint;

import java.math.BigDecimal;

public record InvoiceLine(String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount) {
}
