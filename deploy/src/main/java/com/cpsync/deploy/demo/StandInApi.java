package com.cpsync.deploy.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** The Centerpoint stand-in's public API (DESIGN.md §8). */
public final class StandInApi {

    private final JsonHttp http;
    private final String baseUrl;

    public StandInApi(JsonHttp http, String baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
    }

    public JsonNode connect(String tenantId, String realmId) {
        return http.put(tenant(tenantId) + "/connection", Map.of("realmId", realmId))
                .expectSuccess("connecting " + tenantId + " to realm " + realmId).body();
    }

    public JsonNode putSettings(String tenantId, Map<String, Object> settings) {
        return http.put(tenant(tenantId) + "/settings", settings).expectSuccess("settings of " + tenantId).body();
    }

    /** @return the event id */
    public String postEvent(String tenantId, Map<String, Object> event) {
        JsonHttp.Answer answer = http.post(tenant(tenantId) + "/events", event)
                .expectSuccess(event.get("type") + " for " + tenantId);
        return answer.body().path("eventId").asString();
    }

    public List<JsonNode> outcomes(String tenantId) {
        return list(tenant(tenantId) + "/outcomes");
    }

    public List<JsonNode> companies(String tenantId) {
        return list(tenant(tenantId) + "/companies");
    }

    public List<JsonNode> commands(String tenantId) {
        return list(tenant(tenantId) + "/commands");
    }

    public List<JsonNode> projectInvoices(String tenantId, String projectId) {
        return list(tenant(tenantId) + "/projects/" + projectId + "/invoices");
    }

    public List<JsonNode> payments(String tenantId) {
        return list(tenant(tenantId) + "/payments");
    }

    private List<JsonNode> list(String url) {
        return elements(http.get(url).expectSuccess("GET " + url).body());
    }

    private String tenant(String tenantId) {
        return baseUrl + "/tenants/" + tenantId;
    }

    static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> result = new ArrayList<>();
        array.forEach(result::add);
        return result;
    }
}
