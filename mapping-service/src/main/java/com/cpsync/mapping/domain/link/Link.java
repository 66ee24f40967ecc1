package com.cpsync.mapping.domain.link;

import java.time.Instant;

public record Link(String tenantId, EntityType entityType, String centerpointId, String qboId, Instant createdAt) {
}
