package com.cpsync.qbo.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * A Change Data Capture response: the changed entities per QBO entity name (deleted ones are stubs
 * {@code {"Id","status":"Deleted","MetaData":{...}}}, see {@link #isDeleted}) and QBO's response
 * {@code time}, from which the next {@code changedSince} is taken (minus some overlap).
 */
public record CdcResult(Instant time, Map<String, List<JsonNode>> entities) {

    public CdcResult {
        entities = Map.copyOf(entities);
    }

    /** The changed entities of one type (e.g. "Customer"), empty when none changed. */
    public List<JsonNode> entities(String entityName) {
        return entities.getOrDefault(entityName, List.of());
    }

    /** True for CDC's stub of an entity deleted in the window. */
    public static boolean isDeleted(JsonNode entity) {
        JsonNode status = QboFaultParser.property(entity, "status");
        return status != null && status.isString() && "Deleted".equalsIgnoreCase(status.asString());
    }
}
