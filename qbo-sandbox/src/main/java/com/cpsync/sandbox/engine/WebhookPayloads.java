package com.cpsync.sandbox.engine;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.cpsync.sandbox.domain.ChangeEvent;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds webhook bodies in Intuit's CloudEvents and legacy {@code eventNotifications} formats. */
public final class WebhookPayloads {

    private WebhookPayloads() {
    }

    public static String cloudEvents(List<ChangeEvent> events) {
        ArrayNode array = Json.array();
        for (ChangeEvent e : events) {
            ObjectNode ce = array.addObject();
            ce.put("specversion", "1.0");
            ce.put("id", UUID.randomUUID().toString());
            ce.put("source", "intuit.qbo-sandbox");
            ce.put("type", "qbo." + e.entityName().toLowerCase(Locale.ROOT) + "." + e.operation().cloudEventWord() + ".v1");
            ce.put("datacontenttype", "application/json");
            ce.put("time", DateTimeFormatter.ISO_INSTANT.format(e.lastUpdated().truncatedTo(ChronoUnit.MILLIS)));
            ce.put("intuitentityid", e.id());
            ce.put("intuitaccountid", e.realmId());
            ObjectNode data = ce.putObject("data");
            if (e.deletedId() != null) {
                data.put("deletedId", e.deletedId());
            }
        }
        return Json.write(array);
    }

    /** One notification per realm, as Intuit sends them. */
    public static String legacy(List<ChangeEvent> events) {
        Map<String, ArrayNode> byRealm = new LinkedHashMap<>();
        for (ChangeEvent e : events) {
            ObjectNode entity = byRealm.computeIfAbsent(e.realmId(), r -> Json.array()).addObject();
            entity.put("name", e.entityName());
            entity.put("id", e.id());
            entity.put("operation", e.operation().legacyName());
            entity.put("lastUpdated", DateTimeFormatter.ISO_INSTANT.format(e.lastUpdated().truncatedTo(ChronoUnit.MILLIS)));
            if (e.deletedId() != null) {
                entity.put("deletedId", e.deletedId());
            }
        }
        ObjectNode root = Json.object();
        ArrayNode notifications = root.putArray("eventNotifications");
        byRealm.forEach((realmId, entities) -> {
            ObjectNode n = notifications.addObject();
            n.put("realmId", realmId);
            n.putObject("dataChangeEvent").set("entities", entities);
        });
        return Json.write(root);
    }
}
