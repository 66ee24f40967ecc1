package com.cpsync.deploy.demo;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The ops console's JSON API (HTTP Basic, as an OPERATOR): held conflicts and their resolution, dead letters,
 * reconciliations and resync.
 *
 * @param authorization the {@code Authorization} header of every call (see {@link #as})
 */
public record OpsConsoleApi(JsonHttp http, String baseUrl, String authorization) {

    /** Signed in as {@code user}: HTTP Basic. */
    public static OpsConsoleApi as(JsonHttp http, String baseUrl, String user, String password) {
        return new OpsConsoleApi(http, baseUrl, "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** Without the credentials, which stay out of logs. */
    @Override
    public String toString() {
        return "OpsConsoleApi[" + baseUrl + "]";
    }

    /** Every tenant the console indexed, with its QBO connection as mapping-service states it. */
    public List<JsonNode> tenants() {
        return StandInApi.elements(http.getAuthorized(baseUrl + "/api/tenants", authorization)
                .expectSuccess("the console's tenants").body());
    }

    /** The tenant's held conflicts; empty while the console has indexed nothing of the tenant (404). */
    public List<JsonNode> conflicts(String tenantId) {
        JsonHttp.Answer answer = http.getAuthorized(baseUrl + "/api/tenants/" + tenantId + "/conflicts", authorization);
        if (answer.status() == 404) {
            return List.of();
        }
        return StandInApi.elements(answer.expectSuccess("the console's conflicts of " + tenantId).body());
    }

    public JsonNode resolve(String tenantId, long conflictId, Map<String, Object> resolution) {
        return http.postAuthorized(baseUrl + "/api/tenants/" + tenantId + "/conflicts/" + conflictId + "/resolution",
                resolution, authorization).expectSuccess("resolving conflict " + conflictId + " of " + tenantId).body();
    }

    /** Every dead letter the console lists, newest first. */
    public List<JsonNode> deadLetters() {
        return StandInApi.elements(http.getAuthorized(baseUrl + "/api/dead-letters", authorization)
                .expectSuccess("the console's dead letters").body());
    }

    public JsonNode replay(long deadLetterId) {
        return http.postAuthorized(baseUrl + "/api/dead-letters/" + deadLetterId + "/replay", null, authorization)
                .expectSuccess("replaying dead letter " + deadLetterId).body();
    }

    /** Starts a reconciliation of the tenant (it runs in the background); its id. */
    public long startReconciliation(String tenantId) {
        return http.postAuthorized(baseUrl + "/api/tenants/" + tenantId + "/reconciliations", null, authorization)
                .expectSuccess("reconciling " + tenantId).body().path("id").asLong();
    }

    /** {@code {"status","summary","months","differences"}}. */
    public JsonNode reconciliation(String tenantId, long id) {
        return http.getAuthorized(baseUrl + "/api/tenants/" + tenantId + "/reconciliations/" + id, authorization)
                .expectSuccess("reconciliation " + id + " of " + tenantId).body();
    }

    /** {@code {"entity","centerpointId"}}, {@code {"kind"}} or {@code {"all":true}}. */
    public JsonNode resync(String tenantId, Map<String, Object> request) {
        return http.postAuthorized(baseUrl + "/api/tenants/" + tenantId + "/resync", request, authorization)
                .expectSuccess("resync of " + tenantId).body();
    }
}
