package com.cpsync.console.domain.tenant;

import java.time.Instant;

/** A tenant's QBO connection as mapping-service lists it (never a token). */
public record ConnectionState(String tenantId, String realmId, boolean connected, Instant accessTokenExpiresAt) {
}
