package com.cpsync.deploy.chaos.workload;

import java.math.BigDecimal;

/** An invoice line, money in cents (quantity × unit price = amount, as Centerpoint sends it). */
public record InvoiceLine(String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount) {
}
