package com.cpsync.outbound.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import com.cpsync.outbound.application.port.QboGateway;

/** A tiny in-memory QBO realm for application tests: name lists, invoices, requestid replay, SyncTokens. */
final class InMemoryQbo implements QboGateway {

    final Map<String, List<ObjectNode>> byEntity = new HashMap<>();
    private final Map<String, JsonNode> byRequestId = new HashMap<>();
    private int nextId = 1;
    int calls;

    ObjectNode add(String entity, ObjectNode body) {
        body.put("Id", String.valueOf(nextId++)).put("SyncToken", "0");
        byEntity.computeIfAbsent(entity, e -> new ArrayList<>()).add(body);
        return body;
    }

    List<ObjectNode> all(String entity) {
        return byEntity.getOrDefault(entity, List.of());
    }

    @Override
    public List<JsonNode> query(String realmId, String accessToken, String entity, String query) {
        calls++;
        return new ArrayList<>(all(entity));
    }

    @Override
    public List<JsonNode> findNamesLike(String realmId, String accessToken, String entity, String likePattern) {
        calls++;
        String regex = String.join(".*", java.util.Arrays.stream(likePattern.split("%", -1)).map(Pattern::quote)
                .toList());
        Pattern pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        return all(entity).stream().filter(e -> pattern.matcher(e.path("DisplayName").asString()).matches())
                .map(JsonNode.class::cast).toList();
    }

    @Override
    public JsonNode create(String realmId, String accessToken, String entity, ObjectNode body, String requestId) {
        calls++;
        return byRequestId.computeIfAbsent(requestId, id -> add(entity, body.deepCopy()));
    }

    @Override
    public JsonNode update(String realmId, String accessToken, String entity, ObjectNode body) {
        calls++;
        ObjectNode stored = all(entity).stream().filter(e -> e.path("Id").asString().equals(body.path("Id").asString()))
                .findFirst().orElseThrow();
        body.properties().forEach(p -> stored.set(p.getKey(), p.getValue()));
        stored.put("SyncToken", String.valueOf(Integer.parseInt(body.path("SyncToken").asString()) + 1));
        return stored;
    }

    @Override
    public JsonNode read(String realmId, String accessToken, String entity, String id) {
        calls++;
        return all(entity).stream().filter(e -> e.path("Id").asString().equals(id)).findFirst().orElseThrow();
    }
}
