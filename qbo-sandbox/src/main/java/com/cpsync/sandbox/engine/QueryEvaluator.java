package com.cpsync.sandbox.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.cpsync.sandbox.domain.QboFault;
import com.cpsync.sandbox.domain.query.Query;
import tools.jackson.databind.JsonNode;

/** Applies a parsed {@link Query}'s conditions and ordering to stored entities. */
public final class QueryEvaluator {

    private QueryEvaluator() {
    }

    public static boolean matches(JsonNode entity, List<Query.Condition> conditions) {
        return conditions.stream().allMatch(c -> matches(entity, c));
    }

    static boolean matches(JsonNode entity, Query.Condition c) {
        if (c.field().equalsIgnoreCase("Id") && c.operator() != Query.Operator.EQ && c.operator() != Query.Operator.IN) {
            throw QboFault.queryParse("Id supports only = and IN");
        }
        JsonNode actual = resolve(entity, c.field());
        if (actual == null) {
            return false;
        }
        return switch (c.operator()) {
            case IN -> c.values().stream().anyMatch(v -> compare(actual, v) == 0);
            case EQ -> compare(actual, c.values().get(0)) == 0;
            case LT -> compare(actual, c.values().get(0)) < 0;
            case GT -> compare(actual, c.values().get(0)) > 0;
            case LE -> compare(actual, c.values().get(0)) <= 0;
            case GE -> compare(actual, c.values().get(0)) >= 0;
            case LIKE -> like(actual.asString(), c.values().get(0));
        };
    }

    /** Navigates a dotted path case-insensitively; a reference object yields its {@code value}. */
    static JsonNode resolve(JsonNode entity, String path) {
        JsonNode node = entity;
        for (String part : path.split("\\.")) {
            node = child(node, part);
            if (node == null) {
                return null;
            }
        }
        if (node.isObject() && node.has("value")) {
            node = node.get("value");
        }
        return node.isNull() || node.isContainer() ? null : node;
    }

    private static JsonNode child(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    static int compare(JsonNode actual, String literal) {
        if (actual.isNumber()) {
            try {
                return actual.decimalValue().compareTo(new BigDecimal(literal.trim()));
            } catch (NumberFormatException e) {
                return actual.asString().compareToIgnoreCase(literal);
            }
        }
        if (actual.isBoolean()) {
            return Boolean.compare(actual.asBoolean(), Boolean.parseBoolean(literal.trim()));
        }
        String text = actual.asString();
        Instant a = toInstant(text);
        Instant b = toInstant(literal);
        if (a != null && b != null) {
            return a.compareTo(b);
        }
        if (isInteger(text) && isInteger(literal)) {
            return new BigDecimal(text).compareTo(new BigDecimal(literal));
        }
        return text.toLowerCase(Locale.ROOT).compareTo(literal.toLowerCase(Locale.ROOT));
    }

    private static boolean like(String text, String pattern) {
        String regex = java.util.Arrays.stream(pattern.split("%", -1)).map(Pattern::quote)
                .collect(java.util.stream.Collectors.joining(".*"));
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL).matcher(text).matches();
    }

    private static boolean isInteger(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }

    static Instant toInstant(String s) {
        String t = s.trim();
        if (t.length() < 10 || !Character.isDigit(t.charAt(0)) || t.charAt(4) != '-') {
            return null;
        }
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(t).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    public static Comparator<JsonNode> ordering(List<Query.Order> orders) {
        Comparator<JsonNode> result = (x, y) -> 0;
        for (Query.Order o : orders) {
            Comparator<JsonNode> c = (x, y) -> compareNodes(resolve(x, o.field()), resolve(y, o.field()));
            result = result.thenComparing(o.descending() ? c.reversed() : c);
        }
        return result.thenComparing((x, y) -> compareNodes(resolve(x, "Id"), resolve(y, "Id")));
    }

    private static int compareNodes(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return compare(a, b.asString());
    }
}
