package com.cpsync.standin.domain;

import java.time.Instant;

/**
 * The CompanyCreated/CompanyUpdated event Centerpoint publishes after applying a command; its
 * causation id is the command id, which is how the outbound side recognises the echo of its own write.
 */
public record CompanyChanged(String eventId, String tenantId, Instant occurredAt, String causationId, Company company,
        boolean created) {
}
