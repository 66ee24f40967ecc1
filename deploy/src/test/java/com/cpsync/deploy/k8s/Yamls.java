package com.cpsync.deploy.k8s;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Null-tolerant paths into SnakeYAML's maps: a missing key reads as empty, never as an exception. */
final class Yamls {

    private Yamls() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String... path) {
        Object value = at(node, path);
        return value instanceof Map ? (Map<String, Object>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node, String... path) {
        Object value = at(node, path);
        return value instanceof List ? (List<Object>) value : List.of();
    }

    /** Scalars as text: YAML's {@code 8082} and {@code "8082"} read alike. */
    static Optional<String> string(Object node, String... path) {
        Object value = at(node, path);
        return value == null || value instanceof Map || value instanceof List ? Optional.empty()
                : Optional.of(String.valueOf(value));
    }

    private static Object at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }
}
