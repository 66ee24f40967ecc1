package com.cpsync.outbound.application;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.databind.node.ObjectNode;

import com.cpsync.outbound.adapter.out.http.QboJsonMapper;
import com.cpsync.outbound.application.port.QboGateway;
import com.cpsync.outbound.application.port.QboWrite;
import com.cpsync.outbound.domain.qbo.QboName;

/**
 * A tiny in-memory QBO realm for application tests: name lists, invoices, requestid replay, SyncTokens,
 * and 6240 for a DisplayName the name lists already hold. Writes are stored as the JSON the real
 * adapter would send.
 */
final class InMemoryQbo implements QboGateway {

    private static final List<String> NAME_LISTS = List.of("Customer", "Vendor", "Employee");

    final Map<String, List<ObjectNode>> byEntity = new HashMap<>();
    private final Map<String, Version> byRequestId = new HashMap<>();
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
    public List<QboName> findNamesLike(String realmId, String accessToken, String entity, String likePattern) {
        calls++;
        String regex = String.join(".*", Arrays.stream(likePattern.split("%", -1)).map(Pattern::quote).toList());
        Pattern pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        return all(entity).stream().filter(e -> pattern.matcher(e.path("DisplayName").asString()).matches())
                .map(e -> QboJsonMapper.toName(entity, e)).toList();
    }

    @Override
    public Version create(String realmId, String accessToken, QboWrite write, String requestId) {
        calls++;
        Version replayed = byRequestId.get(requestId);
        if (replayed != null) {
            return replayed;
        }
        ObjectNode body = QboJsonMapper.toJson(write);
        if (body.has("DisplayName") && nameTaken(body.path("DisplayName").asString())) {
            throw new QboRefused("6240", "Duplicate Name Exists Error", false, true, null);
        }
        Version created = QboJsonMapper.toVersion(add(write.entity(), body));
        byRequestId.put(requestId, created);
        return created;
    }

    @Override
    public Version update(String realmId, String accessToken, QboWrite write) {
        calls++;
        ObjectNode body = QboJsonMapper.toJson(write);
        ObjectNode stored = find(write.entity(), body.path("Id").asString());
        body.properties().forEach(p -> stored.set(p.getKey(), p.getValue()));
        stored.put("SyncToken", String.valueOf(Integer.parseInt(body.path("SyncToken").asString()) + 1));
        return QboJsonMapper.toVersion(stored);
    }

    @Override
    public Version read(String realmId, String accessToken, String entity, String id) {
        calls++;
        return QboJsonMapper.toVersion(find(entity, id));
    }

    private ObjectNode find(String entity, String id) {
        return all(entity).stream().filter(e -> e.path("Id").asString().equals(id)).findFirst().orElseThrow();
    }

    private boolean nameTaken(String displayName) {
        return NAME_LISTS.stream().flatMap(list -> all(list).stream())
                .anyMatch(e -> e.path("DisplayName").asString().equalsIgnoreCase(displayName));
    }
}
