package com.cpsync.console.domain.reconciliation;

/** mapping-service's link of a Centerpoint record to its QBO entity. */
public record Link(BooksEntity entity, String centerpointId, String qboId) {
}
