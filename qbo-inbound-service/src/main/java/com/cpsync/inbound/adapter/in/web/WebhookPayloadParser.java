package com.cpsync.inbound.adapter.in.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.cpsync.inbound.application.WebhookPayloads;
import com.cpsync.inbound.domain.change.EntityChange;
import com.cpsync.inbound.domain.webhook.MalformedWebhookException;
import com.cpsync.inbound.domain.webhook.ParsedWebhook;
import com.cpsync.inbound.domain.webhook.RejectedEvent;
import com.cpsync.inbound.domain.webhook.WebhookEvents;
import com.cpsync.inbound.domain.webhook.WebhookEvents.CloudEventFields;
import com.cpsync.inbound.domain.webhook.WebhookEvents.LegacyEntityFields;
import com.cpsync.inbound.domain.webhook.WebhookEvents.Verdict;

/**
 * Reads a webhook body's JSON into the fields of each event and lets {@link WebhookEvents} decide on each.
 * The format is detected from the shape: a JSON array is CloudEvents, an object with
 * {@code eventNotifications} the legacy format. Only a body that holds no events at all is refused.
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
        Events events = new Events();
        if (root.isArray()) {
            readCloudEvents(root, receivedAt, events);
        }
        else if (root.isObject() && root.path("eventNotifications").isArray()) {
            readLegacy(root.get("eventNotifications"), receivedAt, events);
        }
        else {
            throw new MalformedWebhookException(
                    "body is neither a CloudEvents array nor an object with an eventNotifications array");
        }
        return new ParsedWebhook(events.changes, events.rejected);
    }

    private static void readCloudEvents(JsonNode array, Instant receivedAt, Events events) {
        int index = 0;
        for (JsonNode event : array) {
            String at = "event[" + index++ + "]";
            events.add(at, () -> WebhookEvents.cloudEvent(at, new CloudEventFields(
                    event.isObject() && event.has("specversion"), text(event, "id"), text(event, "type"),
                    text(event, "intuitaccountid"), text(event, "intuitentityid"), text(event, "time"),
                    caseInsensitive(event.path("data"), "deletedid")), receivedAt));
        }
    }

    private static void readLegacy(JsonNode notifications, Instant receivedAt, Events events) {
        int n = 0;
        for (JsonNode notification : notifications) {
            String where = "eventNotifications[" + n++ + "]";
            JsonNode entities = notification.path("dataChangeEvent").path("entities");
            if (!entities.isArray()) {
                events.rejected.add(WebhookEvents.malformed(where, "dataChangeEvent.entities is not an array"));
                continue;
            }
            String realmId = text(notification, "realmId");
            int e = 0;
            for (JsonNode entity : entities) {
                String at = where + ".entities[" + e++ + "]";
                events.add(at, () -> WebhookEvents.legacyEntity(at, new LegacyEntityFields(realmId,
                        text(entity, "name"), text(entity, "id"), text(entity, "operation"),
                        text(entity, "lastUpdated"), caseInsensitive(entity, "deletedid")), receivedAt));
            }
        }
    }

    /** A scalar field as trimmed text; null when missing, null, blank or not a scalar. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || !value.isValueNode()) {
            return null;
        }
        String text = value.asString().trim();
        return text.isEmpty() ? null : text;
    }

    /** Intuit writes {@code deletedid} on one page and {@code deletedId} on another. */
    private static String caseInsensitive(JsonNode node, String lowerCaseField) {
        if (!node.isObject()) {
            return null;
        }
        for (String name : node.propertyNames()) {
            if (name.toLowerCase(Locale.ROOT).equals(lowerCaseField)) {
                return text(node, name);
            }
        }
        return null;
    }

    /** What the events of one body became. */
    private static final class Events {

        private final List<EntityChange> changes = new ArrayList<>();
        private final List<RejectedEvent> rejected = new ArrayList<>();

        /** Whatever goes wrong reading one event costs that event only, never the POST. */
        void add(String at, Supplier<Verdict> verdict) {
            Verdict decided;
            try {
                decided = verdict.get();
            }
            catch (RuntimeException unreadable) {
                decided = new Verdict.Rejected(WebhookEvents.malformed(at,
                        "unreadable event (" + unreadable.getClass().getSimpleName() + ")"));
            }
            if (decided instanceof Verdict.Accepted accepted) {
                changes.add(accepted.change());
            }
            else if (decided instanceof Verdict.Rejected rejection) {
                rejected.add(rejection.event());
            }
        }
    }
}
