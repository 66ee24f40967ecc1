package com.cpsync.deploy.demo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;

/**
 * The QBO sandbox as a user of QBO would touch it: the admin listing to look at what exists, and
 * the real v3 API (with a token from the admin endpoint) to create vendors, customers, invoices
 * and payments "in QuickBooks".
 */
public final class SandboxApi {

    private final JsonHttp http;
    private final String baseUrl;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public SandboxApi(JsonHttp http, String baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
    }

    /** Every entity of a type in the realm, inactive ones included. */
    public List<JsonNode> entities(String realmId, String entity) {
        String url = baseUrl + "/admin/realms/" + realmId + "/entities/" + entity;
        return StandInApi.elements(http.get(url).expectSuccess("GET " + url).body());
    }

    /** Creates an entity through the QBO API; returns the created entity. */
    public JsonNode create(String realmId, String qboEntity, Map<String, Object> body) {
        String url = baseUrl + "/v3/company/" + realmId + "/" + qboEntity.toLowerCase() + "?minorversion=75";
        return http.post(url, body, token(realmId)).expectSuccess("creating a QBO " + qboEntity).body().path(qboEntity);
    }

    /**
     * A change the realm's user makes in QBO's own screens (the sandbox's admin API): not an app's call, so it
     * spends none of the realm's budget; its webhook goes out as for any change. Returns the saved entity.
     */
    public JsonNode saveAsUser(String realmId, String qboEntity, Map<String, Object> body) {
        String url = baseUrl + "/admin/realms/" + realmId + "/entities/" + qboEntity.toLowerCase();
        return http.post(url, body).expectSuccess("saving a QBO " + qboEntity + " as the realm's user").body()
                .path(qboEntity);
    }

    /** A sparse update through the QBO API (the body carries Id, SyncToken and sparse:true). */
    public JsonNode update(String realmId, String qboEntity, Map<String, Object> body) {
        return create(realmId, qboEntity, body);
    }

    public void delete(String realmId, String qboEntity, String id, String syncToken) {
        String url = baseUrl + "/v3/company/" + realmId + "/" + qboEntity.toLowerCase() + "?operation=delete&minorversion=75";
        http.post(url, Map.of("Id", id, "SyncToken", syncToken), token(realmId)).expectSuccess("deleting QBO " + qboEntity + " " + id);
    }

    /** Every call to the realm answers 503 for the given time (sandbox fault injection). */
    public void injectOutage(String realmId, Duration length) {
        http.put(baseUrl + "/admin/realms/" + realmId + "/faults", Map.of("outageSeconds", length.toSeconds(), "errorStatus", 503))
                .expectSuccess("sandbox outage for realm " + realmId);
    }

    private String token(String realmId) {
        return tokens.computeIfAbsent(realmId, realm -> http.post(baseUrl + "/admin/realms/" + realm + "/tokens", Map.of())
                .expectSuccess("sandbox token for realm " + realm).body().path("access_token").asString());
    }
}
