package com.cpsync.sandbox.engine;

import com.cpsync.sandbox.domain.QboFault;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** JSON tree helpers; money stays BigDecimal end to end. */
public final class Json {

    public static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    public static ObjectNode parseObject(String body) {
        try {
            JsonNode node = MAPPER.readTree(body == null ? "" : body);
            if (node == null || !node.isObject()) {
                throw QboFault.validation("2010", "Request has invalid or unsupported property",
                        "The request body must be a JSON object");
            }
            return (ObjectNode) node;
        } catch (JacksonException e) {
            throw QboFault.validation("2010", "Request has invalid or unsupported property",
                    "Unable to parse the request body as JSON: " + e.getOriginalMessage());
        }
    }

    public static String write(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    /** The text of a field, or null when absent, null or blank. */
    public static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        String s = v.asString();
        return s.isBlank() ? null : s;
    }

    /** The {@code value} of a reference field such as {@code CustomerRef}, or null. */
    public static String ref(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isObject() ? null : text(v, "value");
    }

    public static ObjectNode refNode(String value) {
        return object().put("value", value);
    }
}
