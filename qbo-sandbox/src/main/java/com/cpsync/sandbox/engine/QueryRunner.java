package com.cpsync.sandbox.engine;

import java.util.List;

import com.cpsync.sandbox.domain.EntityType;
import com.cpsync.sandbox.domain.QboFault;
import com.cpsync.sandbox.domain.query.Query;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Runs a parsed query over a realm's records and shapes the {@code QueryResponse}. */
final class QueryRunner {

    private QueryRunner() {
    }

    static ObjectNode run(EntityStore store, Query query) {
        EntityType type = EntityType.from(query.entity())
                .orElseThrow(() -> QboFault.queryParse("Invalid entity name " + query.entity()));
        // name lists answer active records only, unless the query says otherwise about Active
        boolean activeOnly = type.isNameList() && !query.constrains("Active");
        List<JsonNode> matches = store.entities(type).stream()
                .map(e -> (JsonNode) e.json)
                .filter(j -> !activeOnly || j.path("Active").asBoolean(true))
                .filter(j -> QueryEvaluator.matches(j, query.conditions()))
                .sorted(QueryEvaluator.ordering(query.orderBy()))
                .toList();
        ObjectNode response = Json.object();
        if (query.count()) {
            response.put("totalCount", matches.size());
            return response;
        }
        int from = Math.min(query.startPosition() - 1, matches.size());
        List<JsonNode> page = matches.subList(from, Math.min(from + query.maxResults(), matches.size()));
        if (!page.isEmpty()) {
            ArrayNode items = response.putArray(type.qboName());
            page.forEach(j -> items.add(j.deepCopy()));
            response.put("startPosition", query.startPosition());
            response.put("maxResults", page.size());
        }
        return response;
    }
}
