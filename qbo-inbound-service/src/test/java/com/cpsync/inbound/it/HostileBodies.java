package com.cpsync.inbound.it;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Generators of hostile webhook bodies and headers, and of event lists whose valid events are known. */
final class HostileBodies {

    private static final String TIME = "2025-06-01T09:00:00Z";
    private static final List<String> ENTITIES = List.of("Customer", "Invoice", "Payment", "Vendor", "Item", "Estimate");
    private static final List<String> OPERATIONS = List.of("Create", "Update", "Delete", "Merge", "Void", "Emailed");
    private static final List<String> CLOUD_OPERATIONS = List.of("created", "updated", "deleted", "merged", "voided",
            "emailed");

    /** Request headers, and whether the ingress reads a body under them. */
    record Header(Map<String, String> headers, boolean accepted) {
    }

    /** One event of a generated POST: valid, or broken in exactly one way. */
    record Event(boolean valid, Defect defect) {
    }

    /** The one thing wrong with an invalid event. */
    enum Defect {
        UNKNOWN_ENTITY, UNKNOWN_OPERATION, BLANK_ID, ID_WITH_SLASH, LONG_ID, ID_AS_OBJECT, UNREADABLE_TIME,
        ANCIENT_TIME, FAR_FUTURE_TIME, NOT_AN_OBJECT, BAD_DELETED_ID
    }

    private HostileBodies() {
    }

    static Arbitrary<Defect> defects() {
        return Arbitraries.of(Defect.class);
    }

    static String entityId(int index) {
        return String.valueOf(index + 1);
    }

    static String cloudEvents(String realm, List<Event> events) {
        return IntStream.range(0, events.size()).mapToObj(i -> cloudEvent(realm, i, events.get(i)))
                .collect(Collectors.joining(",", "[", "]"));
    }

    static String legacy(String realm, List<Event> events) {
        return "{\"eventNotifications\":[{\"realmId\":\"" + realm + "\",\"dataChangeEvent\":{\"entities\":"
                + IntStream.range(0, events.size()).mapToObj(i -> legacyEntity(i, events.get(i)))
                .collect(Collectors.joining(",", "[", "]")) + "}}]}";
    }

    private static String cloudEvent(String realm, int index, Event event) {
        if (!event.valid() && event.defect() == Defect.NOT_AN_OBJECT) {
            return "42";
        }
        Fields f = Fields.of(index, event);
        return "{\"specversion\":\"1.0\",\"id\":\"" + realm + "-" + index + "\",\"source\":\"intuit.test\",\"type\":\"qbo."
                + f.entity.toLowerCase(Locale.ROOT) + "." + cloudOperation(f.operation) + ".v1\","
                + "\"time\":" + f.time + ",\"intuitentityid\":" + f.id + ",\"intuitaccountid\":\"" + realm + "\","
                + "\"data\":{" + (f.deletedId == null ? "" : "\"deletedId\":" + f.deletedId) + "}}";
    }

    private static String cloudOperation(String legacyOperation) {
        int known = OPERATIONS.indexOf(legacyOperation);
        return known < 0 ? legacyOperation.toLowerCase(Locale.ROOT) + "ed" : CLOUD_OPERATIONS.get(known);
    }

    private static String legacyEntity(int index, Event event) {
        if (!event.valid() && event.defect() == Defect.NOT_AN_OBJECT) {
            return "42";
        }
        Fields f = Fields.of(index, event);
        return "{\"name\":\"" + f.entity + "\",\"id\":" + f.id + ",\"operation\":\"" + f.operation + "\",\"lastUpdated\":"
                + f.time + (f.deletedId == null ? "" : ",\"deletedId\":" + f.deletedId) + "}";
    }

    /** The JSON of each field (strings quoted), with the event's one defect applied. */
    private static final class Fields {
        String entity;
        String operation;
        String id;
        String time = "\"" + TIME + "\"";
        String deletedId;

        static Fields of(int index, Event event) {
            Fields f = new Fields();
            f.entity = ENTITIES.get(index % ENTITIES.size());
            f.operation = OPERATIONS.get(index % OPERATIONS.size());
            f.id = "\"" + entityId(index) + "\"";
            if (event.valid()) {
                return f;
            }
            switch (event.defect()) {
                case UNKNOWN_ENTITY: f.entity = "Spaceship"; break;
                case UNKNOWN_OPERATION: f.operation = "Explode"; break;
                case BLANK_ID: f.id = "\" \""; break;
                case ID_WITH_SLASH: f.id = "\"1/../2\""; break;
                case LONG_ID: f.id = "\"" + "9".repeat(129) + "\""; break;
                case ID_AS_OBJECT: f.id = "{\"value\":\"1\"}"; break;
                case UNREADABLE_TIME: f.time = "\"soon\""; break;
                case ANCIENT_TIME: f.time = "\"1990-01-01T00:00:00Z\""; break;
                case FAR_FUTURE_TIME: f.time = "\"2999-01-01T00:00:00Z\""; break;
                default: f.deletedId = "\"a b\""; break;
            }
            return f;
        }
    }

    static Arbitrary<Header> acceptedContentTypes() {
        return Combinators.combine(Arbitraries.of("application/json", "application/json; charset=utf-8",
                        "APPLICATION/JSON;charset=UTF-8", "application/cloudevents+json",
                        "application/cloudevents+json; charset=UTF-8", "application/cloudevents-batch+json"),
                Arbitraries.of("", "identity"))
                .as((type, encoding) -> new Header(encoding.isEmpty() ? Map.of("Content-Type", type)
                        : Map.of("Content-Type", type, "Content-Encoding", encoding), true));
    }

    static Arbitrary<Header> refusedContentTypes() {
        Arbitrary<Header> otherTypes = Arbitraries.oneOf(
                Arbitraries.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x", "application/octet-stream", "text/json", "*/*",
                        "application/json; charset=iso-8859-1", "application/json; charset=utf-16", "json", ";;;"),
                Arbitraries.strings().withChars("abcxyz/+;=-. ").ofMinLength(1).ofMaxLength(40))
                .map(type -> new Header(Map.of("Content-Type", type), false));
        Arbitrary<Header> compressed = Arbitraries.of("gzip", "deflate", "br", "gzip, identity")
                .map(encoding -> new Header(Map.of("Content-Type", "application/json", "Content-Encoding", encoding), false));
        return Arbitraries.oneOf(otherTypes, compressed, Arbitraries.just(new Header(Map.of(), false)));
    }

    static Arbitrary<Header> contentTypes() {
        return Arbitraries.frequencyOf(Tuple.of(3, acceptedContentTypes()),
                Tuple.of(1, refusedContentTypes()));
    }

    /** Bodies of every kind: JSON and not, events with wrong types, truncated, huge, deep, any Unicode, raw bytes. */
    static Arbitrary<byte[]> bodies(int maxBytes) {
        Arbitrary<String> text = Arbitraries.frequencyOf(
                Tuple.of(4, json(4)),
                Tuple.of(4, eventsWithAnyFields()),
                Tuple.of(2, truncated()),
                Tuple.of(2, huge(maxBytes)),
                Tuple.of(1, deep()),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(200)),
                Tuple.of(1, Arbitraries.of("", " ", "null", "[]", "{}", "{\"eventNotifications\":null}",
                        "{\"eventNotifications\":{}}", "[null]", "[[]]", "\"text\"", "1e999999", "-0", "\uFEFF[]")));
        return Arbitraries.frequencyOf(
                Tuple.of(9, text.map(s -> s.getBytes(StandardCharsets.UTF_8))),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(500)));
    }

    /** Any JSON value, nested up to {@code depth}. */
    private static Arbitrary<String> json(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(30).map(HostileBodies::jsonString),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.doubles().map(d -> Double.isFinite(d) ? String.valueOf(d) : "0"),
                Arbitraries.of("true", "false", "null"));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<String> array = Arbitraries.lazy(() -> json(depth - 1)).list().ofMaxSize(4)
                .map(items -> String.join(",", items)).map(items -> "[" + items + "]");
        Arbitrary<String> object = Combinators.combine(
                        Arbitraries.of("specversion", "id", "type", "time", "intuitaccountid", "intuitentityid", "data",
                                "eventNotifications", "realmId", "dataChangeEvent", "entities", "name", "operation",
                                "lastUpdated", "deletedId", "x"),
                        Arbitraries.lazy(() -> json(depth - 1)))
                .as((key, value) -> jsonString(key) + ":" + value).list().ofMaxSize(5)
                .map(fields -> "{" + String.join(",", fields) + "}");
        return Arbitraries.oneOf(scalar, array, object);
    }

    /** CloudEvents and legacy events whose fields have any JSON value: wrong types, odd words, any Unicode. */
    private static Arbitrary<String> eventsWithAnyFields() {
        Arbitrary<String> word = Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(20).map(HostileBodies::jsonString),
                Arbitraries.of("\"qbo.customer.created.v1\"", "\"qbo.invoice.voided.v1\"", "\"qbo..created.v1\"",
                        "\"1\"", "\"realm-1\"", "\"" + TIME + "\"", "\"Customer\"", "\"Create\"", "1", "[]", "{}", "null"),
                json(1));
        Arbitrary<String> cloudEvent = Combinators.combine(word, word, word, word, word, word)
                .as((id, type, realm, entityId, time, data) -> "{\"specversion\":\"1.0\",\"id\":" + id + ",\"type\":" + type
                        + ",\"intuitaccountid\":" + realm + ",\"intuitentityid\":" + entityId + ",\"time\":" + time
                        + ",\"data\":" + data + "}");
        Arbitrary<String> legacyEntity = Combinators.combine(word, word, word, word, word)
                .as((name, id, operation, lastUpdated, deletedId) -> "{\"name\":" + name + ",\"id\":" + id
                        + ",\"operation\":" + operation + ",\"lastUpdated\":" + lastUpdated + ",\"deletedId\":" + deletedId + "}");
        Arbitrary<String> legacy = Combinators.combine(word, legacyEntity.list().ofMaxSize(5))
                .as((realm, entities) -> "{\"eventNotifications\":[{\"realmId\":" + realm
                        + ",\"dataChangeEvent\":{\"entities\":[" + String.join(",", entities) + "]}}]}");
        return Arbitraries.oneOf(cloudEvent.list().ofMaxSize(5).map(events -> "[" + String.join(",", events) + "]"), legacy);
    }

    private static Arbitrary<String> truncated() {
        String whole = cloudEvents("realm-cut", List.of(new Event(true, null), new Event(true, null)));
        return Arbitraries.integers().between(0, whole.length() - 1).map(cut -> whole.substring(0, cut));
    }

    /** One long string inside an event, around the size limit. */
    private static Arbitrary<String> huge(int maxBytes) {
        return Combinators.combine(Arbitraries.integers().between(maxBytes - 200, maxBytes + 200),
                        Arbitraries.of("x", "é", "\u0000", "\"", "\\\\"))
                .as((length, unit) -> "[{\"specversion\":\"1.0\",\"id\":\"" + unit.repeat(length / unit.length())
                        + "\",\"type\":\"qbo.customer.created.v1\"}]");
    }

    private static Arbitrary<String> deep() {
        return Combinators.combine(Arbitraries.integers().between(1, 5_000), Arbitraries.of(true, false))
                .as((depth, arrays) -> arrays ? "[".repeat(depth) + "]".repeat(depth)
                        : "{\"eventNotifications\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}");
    }

    /** A JSON string literal of any text, escaped as JSON requires. */
    private static String jsonString(String text) {
        StringBuilder json = new StringBuilder("\"");
        text.chars().forEach(c -> {
            if (c == '"' || c == '\\') {
                json.append('\\').append((char) c);
            }
            else if (c < 0x20) {
                json.append(String.format("\\u%04x", c));
            }
            else {
                json.append((char) c);
            }
        });
        return json.append('"').toString();
    }
}
