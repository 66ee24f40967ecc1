package com.cpsync.sandbox.adapter.in.web;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

import com.cpsync.sandbox.domain.QboFault;
import com.cpsync.sandbox.domain.faults.FaultSettings;
import com.cpsync.sandbox.domain.faults.FaultSettings.Builder;
import com.cpsync.sandbox.engine.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of {@code /admin/realms/{realmId}/faults}: every field optional on PUT, an unknown field or a
 * value out of range is a 400 naming it. {@code outageSeconds} opens an outage window starting now;
 * {@code seed} (even unchanged) restarts the realm's dice.
 */
final class FaultSettingsJson {

    /** The settings a PUT asks for, and whether it gave a seed. */
    record Update(FaultSettings settings, boolean reseed) {
    }

    private static final Map<String, BiConsumer<Builder, JsonNode>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("latencyMs", (b, v) -> b.latencyMs(whole(v)));
        FIELDS.put("errorRate", (b, v) -> b.errorRate(number(v)));
        FIELDS.put("errorStatus", (b, v) -> b.errorStatus((int) whole(v)));
        FIELDS.put("requestsPerMinute", (b, v) -> b.requestsPerMinute((int) whole(v)));
        FIELDS.put("requestsPerSecond", (b, v) -> b.requestsPerSecond((int) whole(v)));
        FIELDS.put("batchesPerMinute", (b, v) -> b.batchesPerMinute((int) whole(v)));
        FIELDS.put("accessTokenTtlSeconds", (b, v) -> b.accessTokenTtlSeconds(v.isNull() ? null : whole(v)));
        FIELDS.put("throttleBodyXml", (b, v) -> b.throttleBodyXml(bool(v)));
        FIELDS.put("retryAfter", (b, v) -> b.retryAfter(bool(v)));
        FIELDS.put("requestIdReplay", (b, v) -> b.requestIdReplay(bool(v)));
        FIELDS.put("lostReplyRate", (b, v) -> b.lostReplyRate(number(v)));
        FIELDS.put("lostReply", (b, v) -> b.lostReply(FaultSettings.LostReply.valueOf(upper(v))));
        FIELDS.put("timeoutRate", (b, v) -> b.timeoutRate(number(v)));
        FIELDS.put("timeoutMs", (b, v) -> b.timeoutMs(whole(v)));
        FIELDS.put("duplicateDocNumbers", (b, v) -> b.duplicateDocNumbers(FaultSettings.DuplicateDocNumbers.valueOf(upper(v))));
        FIELDS.put("timeZone", (b, v) -> b.timeZone(ZoneId.of(text(v))));
        FIELDS.put("seed", (b, v) -> b.seed(v.isNull() ? null : whole(v)));
    }

    private FaultSettingsJson() {
    }

    static Update apply(FaultSettings current, ObjectNode body, Instant now) {
        Builder builder = current.toBuilder();
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            String name = field.getKey();
            try {
                if (name.equals("outageSeconds")) {
                    long seconds = whole(field.getValue());
                    builder.outageUntil(seconds <= 0 ? null : now.plus(Duration.ofSeconds(seconds)));
                } else if (FIELDS.containsKey(name)) {
                    FIELDS.get(name).accept(builder, field.getValue());
                } else {
                    throw QboFault.badRequest("Unknown fault setting " + name + "; known: outageSeconds, "
                            + String.join(", ", FIELDS.keySet()));
                }
            } catch (IllegalArgumentException | DateTimeException e) {
                throw QboFault.badRequest("Fault setting " + name + " cannot be " + field.getValue() + ": " + e.getMessage());
            }
        }
        try {
            return new Update(builder.build(), body.has("seed"));
        } catch (IllegalArgumentException e) {
            throw QboFault.badRequest("Invalid fault settings: " + e.getMessage());
        }
    }

    static ObjectNode render(FaultSettings s) {
        ObjectNode json = Json.object();
        json.put("latencyMs", s.latencyMs());
        json.put("errorRate", s.errorRate());
        json.put("errorStatus", s.errorStatus());
        json.put("outageUntil", s.outageUntil() == null ? null : s.outageUntil().toString());
        json.put("requestsPerMinute", s.requestsPerMinute());
        json.put("requestsPerSecond", s.requestsPerSecond());
        json.put("batchesPerMinute", s.batchesPerMinute());
        json.put("accessTokenTtlSeconds", s.accessTokenTtlSeconds());
        json.put("throttleBodyXml", s.throttleBodyXml());
        json.put("retryAfter", s.retryAfter());
        json.put("requestIdReplay", s.requestIdReplay());
        json.put("lostReplyRate", s.lostReplyRate());
        json.put("lostReply", s.lostReply().name());
        json.put("timeoutRate", s.timeoutRate());
        json.put("timeoutMs", s.timeoutMs());
        json.put("duplicateDocNumbers", s.duplicateDocNumbers().name());
        json.put("timeZone", s.timeZone().getId());
        json.put("seed", s.seed());
        return json;
    }

    private static long whole(JsonNode v) {
        return expect(v, JsonNode::isIntegralNumber, "a whole number").asLong();
    }

    private static double number(JsonNode v) {
        return expect(v, JsonNode::isNumber, "a number").asDouble();
    }

    private static boolean bool(JsonNode v) {
        return expect(v, JsonNode::isBoolean, "true or false").asBoolean();
    }

    private static String text(JsonNode v) {
        return expect(v, JsonNode::isString, "a string").asString().trim();
    }

    private static JsonNode expect(JsonNode v, Predicate<JsonNode> type, String expected) {
        if (!type.test(v)) {
            throw new IllegalArgumentException(expected + " is expected");
        }
        return v;
    }

    private static String upper(JsonNode v) {
        return text(v).toUpperCase(Locale.ROOT);
    }
}
