package com.cpsync.qbo.client;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/** Reads QBO fault bodies in every shape seen in the wild (facts §6), case-insensitively. */
final class QboFaultParser {

    private static final Pattern XML_FAULT_TYPE = Pattern.compile("<Fault\\b[^>]*\\btype=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern XML_ERROR_CODE = Pattern.compile("<Error\\b[^>]*\\bcode=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern XML_MESSAGE = Pattern.compile("<Message>(.*?)</Message>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern XML_DETAIL = Pattern.compile("<Detail>(.*?)</Detail>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final int SNIPPET = 200;

    private QboFaultParser() {
    }

    /** The Fault object of a JSON response or batch item ({@code Fault} or {@code fault}), if any. */
    static Optional<JsonNode> faultNode(JsonNode body) {
        return Optional.ofNullable(property(body, "fault")).filter(JsonNode::isObject);
    }

    static QboFaultException fromJsonFault(int status, JsonNode fault, Duration retryAfter) {
        JsonNode errors = property(fault, "error");
        JsonNode first = errors != null && errors.isArray() && !errors.isEmpty() ? errors.get(0)
                : errors != null && errors.isObject() ? errors : null;
        String message = first == null ? null : text(first, "message");
        return new QboFaultException(status, first == null ? null : text(first, "code"),
                message == null ? "HTTP " + status : message,
                first == null ? null : text(first, "detail"), text(fault, "type"), retryAfter, null);
    }

    static QboFaultException fromXml(int status, String body, Duration retryAfter) {
        String message = group(XML_MESSAGE, body);
        return new QboFaultException(status, group(XML_ERROR_CODE, body),
                message == null ? "HTTP " + status : message, group(XML_DETAIL, body),
                group(XML_FAULT_TYPE, body), retryAfter, null);
    }

    static QboFaultException fromUnreadable(int status, String body, Duration retryAfter) {
        String snippet = body == null ? "" : body.length() > SNIPPET ? body.substring(0, SNIPPET) + "…" : body;
        return new QboFaultException(status, null, "HTTP " + status + (snippet.isBlank() ? "" : ": " + snippet),
                null, null, retryAfter, null);
    }

    /** A property looked up ignoring case: QBO's gateway writes {@code fault/error/message}. */
    static JsonNode property(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode exact = node.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = property(node, name);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asString();
    }

    private static String group(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        return matcher.find() ? matcher.group(1).trim() : null;
    }
}
