package com.cpsync.mapping.application;

import java.time.Instant;

import com.cpsync.mapping.domain.connection.ConnectionStatus;

/** What the API shows of a connection: never a token. */
public record ConnectionView(String tenantId, String realmId, ConnectionStatus status, Instant accessTokenExpiresAt) {
}
