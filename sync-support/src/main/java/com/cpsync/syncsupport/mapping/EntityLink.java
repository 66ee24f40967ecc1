package com.cpsync.syncsupport.mapping;

import java.time.Instant;

/** A Centerpoint id linked to a QBO id, unique both ways per tenant and entity. */
public record EntityLink(String tenantId, LinkedEntity entity, String centerpointId, String qboId, Instant createdAt) {
}
