package com.cpsync.inbound.application;

/** A tenant's QBO connection as mapping-service knows it. */
public record Connection(String tenantId, String realmId, boolean connected) {
}
