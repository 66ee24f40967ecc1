package com.cpsync.syncsupport.mapping;

import java.time.Instant;

/** A tenant's QBO connection as mapping-service knows it (a disconnected one keeps its realm). */
public record TenantConnection(String tenantId, String realmId, boolean connected, Instant accessTokenExpiresAt) {
}
