package com.cpsync.inbound.domain.qbo;

/** One sales line of a QBO invoice. Money and quantities stay decimal strings. */
public record Line(String description, String quantity, String unitPrice, String amount) {
}
