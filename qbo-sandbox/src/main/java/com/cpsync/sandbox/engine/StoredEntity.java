package com.cpsync.sandbox.engine;

import java.time.Instant;

import com.cpsync.sandbox.domain.EntityType;
import tools.jackson.databind.node.ObjectNode;

/**
 * An entity as kept in a realm: its JSON plus the facts the sandbox needs without parsing it again. The realm
 * writes its first document before anyone else sees it.
 */
final class StoredEntity {

    final EntityType type;
    final String id;
    ObjectNode json;
    Instant updatedAt;
    boolean voided;

    StoredEntity(EntityType type, String id) {
        this.type = type;
        this.id = id;
    }

    boolean active() {
        return json.path("Active").asBoolean(true);
    }

    int syncToken() {
        return Integer.parseInt(json.path("SyncToken").asString("0"));
    }
}
