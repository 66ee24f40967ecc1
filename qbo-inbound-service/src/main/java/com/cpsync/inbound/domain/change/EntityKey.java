package com.cpsync.inbound.domain.change;

/** Identifies one QBO entity within one realm. */
public record EntityKey(String realmId, QboEntity entity, String entityId) {
}
