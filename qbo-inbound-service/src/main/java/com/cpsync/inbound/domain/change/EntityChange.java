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

    /** The change id of a change the ops console announces for a resync (docs/reconciliation.md). */
    public static final String RESYNC_CHANGE_PREFIX = "resync:";

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

    /**
     * A resync: QBO's entity as it is now, to be sent to Centerpoint even when this version was applied and
     * its command sent before (Centerpoint lacks or differs from it, reconciliation found).
     */
    public boolean resync() {
        return changeId.startsWith(RESYNC_CHANGE_PREFIX);
    }

    public boolean hasEntityJson() {
        return entityJson != null && !entityJson.isBlank();
    }
}
