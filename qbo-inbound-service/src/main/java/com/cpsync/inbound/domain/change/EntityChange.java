package com.cpsync.inbound.domain.change;

import java.time.Instant;
import java.util.Objects;

/**
 * One changed QBO entity: the domain twin of the {@code QboEntityChange} Avro record.
 *
 * @param entityJson the full entity when the source already had it (CDC), else null
 */
public record EntityChange(String changeId, String realmId, QboEntity entity, String entityId,
        ChangeOperation operation, Instant lastUpdated, String deletedId, ChangeSource source,
        Instant receivedAt, String entityJson) {

    public EntityChange {
        Objects.requireNonNull(changeId, "changeId");
        Objects.requireNonNull(realmId, "realmId");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(lastUpdated, "lastUpdated");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** The entity this change is about, across sources: realm, entity type and id. */
    public EntityKey key() {
        return new EntityKey(realmId, entity, entityId);
    }

    public boolean hasEntityJson() {
        return entityJson != null && !entityJson.isBlank();
    }
}
