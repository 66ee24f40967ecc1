package com.cpsync.inbound.adapter.in.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.cpsync.inbound.application.WebhookPayloads;
import com.cpsync.inbound.domain.change.ChangeOperation;
import com.cpsync.inbound.domain.change.ChangeSource;
import com.cpsync.inbound.domain.change.DeterministicIds;
import com.cpsync.inbound.domain.change.EntityChange;
import com.cpsync.inbound.domain.change.QboEntity;
import com.cpsync.inbound.domain.webhook.LenientTimestamps;
import com.cpsync.inbound.domain.webhook.MalformedWebhookException;
import com.cpsync.inbound.domain.webhook.ParsedWebhook;

/**
 * Turns a webhook body into entity changes. The format is detected from the shape: a JSON array
 * of events with {@code specversion} is CloudEvents, an object with {@code eventNotifications} is
 * the legacy format. Every event is routed by its own realm. Events of an unknown operation or entity
 * are left out with the reason (Intuit adds new ones; refusing them would make Intuit retry forever).
 */
public final class WebhookPayloadParser implements WebhookPayloads {

    private final JsonMapper json;

    public WebhookPayloadParser(JsonMapper json) {
        this.json = json;
    }

    @Override
    public ParsedWebhook parse(byte[] body, Instant receivedAt) {
        JsonNode root;
        try {
            root = json.readTree(body);
        }
        catch (JacksonException ex) {
            throw new MalformedWebhookException("body is not JSON: " + ex.getOriginalMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new MalformedWebhookException("body is empty");
        }
        if (root.isArray()) {
            return parseCloudEvents(root, receivedAt);
        }
        if (root.isObject() && root.has("eventNotifications")) {
            return parseLegacy(root.get("eventNotifications"), receivedAt);
        }
        throw new MalformedWebhookException(
                "body is neither a CloudEvents array nor an object with eventNotifications");
    }

    private ParsedWebhook parseCloudEvents(JsonNode events, Instant receivedAt) {
        List<EntityChange> changes = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        int index = 0;
        for (JsonNode event : events) {
            String where = "event[" + index++ + "]";
            if (!event.isObject() || !event.has("specversion")) {
                throw new MalformedWebhookException(where + " is not a CloudEvent (no specversion)");
            }
            String id = required(event, "id", where);
            String type = required(event, "type", where);
            String realmId = required(event, "intuitaccountid", where);
            String entityId = required(event, "intuitentityid", where);
            String[] parts = type.split("\\.");
            if (parts.length < 3 || !"qbo".equalsIgnoreCase(parts[0])) {
                throw new MalformedWebhookException(where + " has type '" + type + "', expected qbo.<entity>.<op>.v1");
            }
            Optional<ChangeOperation> operation = ChangeOperation.fromWord(parts[2]);
            Optional<QboEntity> entity = QboEntity.ofQboName(parts[1]);
            if (operation.isEmpty() || entity.isEmpty()) {
                ignored.add(unknown(where, parts[1], parts[2], entity, operation));
                continue;
            }
            Instant lastUpdated = timestamp(event.path("time"), where, receivedAt);
            String deletedId = caseInsensitive(event.path("data"), "deletedid");
            changes.add(new EntityChange(id, realmId, entity.get(), entityId, operation.get(),
                    lastUpdated, deletedId, ChangeSource.WEBHOOK, receivedAt, null));
        }
        return new ParsedWebhook(changes, ignored);
    }

    private ParsedWebhook parseLegacy(JsonNode notifications, Instant receivedAt) {
        if (!notifications.isArray()) {
            throw new MalformedWebhookException("eventNotifications is not an array");
        }
        List<EntityChange> changes = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        int n = 0;
        for (JsonNode notification : notifications) {
            String where = "eventNotifications[" + n++ + "]";
            String realmId = required(notification, "realmId", where);
            JsonNode entities = notification.path("dataChangeEvent").path("entities");
            if (!entities.isArray()) {
                throw new MalformedWebhookException(where + ".dataChangeEvent.entities is not an array");
            }
            int e = 0;
            for (JsonNode entity : entities) {
                String at = where + ".entities[" + e++ + "]";
                String name = required(entity, "name", at);
                String id = required(entity, "id", at);
                String operationWord = required(entity, "operation", at);
                Optional<ChangeOperation> operation = ChangeOperation.fromWord(operationWord);
                Optional<QboEntity> qboEntity = QboEntity.ofQboName(name);
                if (operation.isEmpty() || qboEntity.isEmpty()) {
                    ignored.add(unknown(at, name, operationWord, qboEntity, operation));
                    continue;
                }
                JsonNode lastUpdatedNode = entity.path("lastUpdated");
                if (lastUpdatedNode.isMissingNode() || lastUpdatedNode.isNull()) {
                    throw new MalformedWebhookException(at + " has no lastUpdated");
                }
                Instant lastUpdated = timestamp(lastUpdatedNode, at, null);
                String deletedId = caseInsensitive(entity, "deletedid");
                String changeId = DeterministicIds.changeId(realmId, qboEntity.get(), id, operation.get(), lastUpdated);
                changes.add(new EntityChange(changeId, realmId, qboEntity.get(), id, operation.get(), lastUpdated,
                        deletedId, ChangeSource.WEBHOOK, receivedAt, null));
            }
        }
        return new ParsedWebhook(changes, ignored);
    }

    private static String unknown(String where, String entityName, String operationWord, Optional<QboEntity> entity,
            Optional<ChangeOperation> operation) {
        return where + ": " + (entity.isEmpty() ? "unknown QBO entity '" + entityName + "'"
                : "unknown operation '" + operationWord + "'");
    }

    private static Instant timestamp(JsonNode node, String where, Instant fallback) {
        if (node.isMissingNode() || node.isNull()) {
            return fallback;
        }
        String text = node.isNumber() ? String.valueOf(node.asLong()) : node.asString();
        return LenientTimestamps.parse(text)
                .orElseThrow(() -> new MalformedWebhookException(where + " has an unreadable time '" + text + "'"));
    }

    private static String required(JsonNode node, String field, String where) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull() || value.isContainer() || value.asString().isBlank()) {
            throw new MalformedWebhookException(where + " has no " + field);
        }
        return value.asString().trim();
    }

    /** Intuit writes {@code deletedid} on one page and {@code deletedId} on another. */
    private static String caseInsensitive(JsonNode node, String lowerCaseField) {
        if (!node.isObject()) {
            return null;
        }
        for (String name : node.propertyNames()) {
            if (name.toLowerCase(Locale.ROOT).equals(lowerCaseField)) {
                JsonNode value = node.get(name);
                return value == null || value.isNull() || value.asString().isBlank() ? null : value.asString();
            }
        }
        return null;
    }
}
