package com.cpsync.sandbox.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.cpsync.sandbox.domain.EntityType;

/** A realm's records per type, its id sequences and the tombstones of deleted or merged-away records. Not thread-safe: the realm locks. */
final class EntityStore {

    record Tombstone(EntityType type, String id, Instant at) {
    }

    private final Map<EntityType, LinkedHashMap<String, StoredEntity>> live = new EnumMap<>(EntityType.class);
    private final Map<EntityType, Long> lastIds = new EnumMap<>(EntityType.class);
    private final List<Tombstone> tombstones = new ArrayList<>();

    EntityStore() {
        for (EntityType t : EntityType.values()) {
            live.put(t, new LinkedHashMap<>());
            lastIds.put(t, 0L);
        }
    }

    StoredEntity find(EntityType type, String id) {
        return id == null ? null : live.get(type).get(id);
    }

    Collection<StoredEntity> entities(EntityType type) {
        return live.get(type).values();
    }

    /** QBO numbers each entity list on its own. */
    String nextId(EntityType type) {
        return String.valueOf(lastIds.merge(type, 1L, Long::sum));
    }

    void add(StoredEntity entity) {
        live.get(entity.type).put(entity.id, entity);
    }

    void remove(EntityType type, String id, Instant at) {
        live.get(type).remove(id);
        tombstones.add(new Tombstone(type, id, at));
    }

    List<Tombstone> removedSince(EntityType type, Instant since) {
        return tombstones.stream().filter(t -> t.type() == type && !t.at().isBefore(since)).toList();
    }
}
