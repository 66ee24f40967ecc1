package com.cpsync.sandbox.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import com.cpsync.sandbox.domain.EntityType;
import com.cpsync.sandbox.domain.QboFault;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** QBO's CDC: per requested type, changed records by update time then deleted ones; 1000 objects at most, no paging. */
final class ChangeDataCapture {

    static final int MAX_OBJECTS = 1000;
    static final Duration MAX_LOOKBACK = Duration.ofDays(30);

    private ChangeDataCapture() {
    }

    /** The {@code QueryResponse} array of a CDC reply ({@code [{}]} when nothing changed). */
    static ArrayNode changedSince(EntityStore store, List<EntityType> types, Instant since, Instant now,
                                  Function<Instant, String> format) {
        if (since.isBefore(now.minus(MAX_LOOKBACK))) {
            throw QboFault.badRequest("changedSince must be within the last 30 days: " + format.apply(since));
        }
        ArrayNode groups = Json.array();
        int remaining = MAX_OBJECTS;
        for (EntityType type : types) {
            List<ObjectNode> objects = new ArrayList<>();
            store.entities(type).stream()
                    .filter(e -> !e.updatedAt.isBefore(since))
                    .sorted(Comparator.comparing((StoredEntity e) -> e.updatedAt))
                    .forEach(e -> objects.add(e.json.deepCopy()));
            store.removedSince(type, since).forEach(t -> objects.add(deleted(t, format)));
            List<ObjectNode> kept = objects.subList(0, Math.min(objects.size(), remaining));
            if (!kept.isEmpty()) {
                ObjectNode group = groups.addObject();
                group.putArray(type.qboName()).addAll(kept);
                group.put("startPosition", 1);
                group.put("maxResults", kept.size());
                remaining -= kept.size();
            }
        }
        if (groups.isEmpty()) {
            groups.addObject();
        }
        return groups;
    }

    private static ObjectNode deleted(EntityStore.Tombstone t, Function<Instant, String> format) {
        ObjectNode deleted = Json.object();
        deleted.put("Id", t.id());
        deleted.put("status", "Deleted");
        deleted.put("domain", "QBO");
        deleted.putObject("MetaData").put("LastUpdatedTime", format.apply(t.at()));
        return deleted;
    }
}
