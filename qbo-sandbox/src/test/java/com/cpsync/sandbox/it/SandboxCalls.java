package com.cpsync.sandbox.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.cpsync.sandbox.engine.Json;
import com.cpsync.testsupport.AdjustableClock;
import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every sandbox IT does: a fresh realm per test (limits lifted, so a test's burst is not throttled
 * unless it says so), a token for it, and calls as a QBO client or an operator makes them.
 */
@ExtendWith(SandboxExtension.class)
abstract class SandboxCalls {

    record Reply(int status, JsonNode body, HttpHeaders headers, String raw) {
        String code() {
            return body.path("Fault").path("Error").path(0).path("code").asString();
        }

        String detail() {
            return body.path("Fault").path("Error").path(0).path("Detail").asString();
        }
    }

    final RunningSandbox sandbox = RunningSandbox.get();
    final AdjustableClock clock = sandbox.clock;
    final WebTestClient client = sandbox.client;
    final HttpClient http = HttpClient.newHttpClient();
    String realmId;
    String token;

    @BeforeEach
    void newRealm() {
        realmId = "it" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin(HttpMethod.POST, "/admin/realms/" + realmId, null);
        faults("{\"requestsPerSecond\":100000,\"requestsPerMinute\":1000000}");
        token = admin(HttpMethod.POST, "/admin/realms/" + realmId + "/tokens", null).body().get("access_token").asString();
    }

    Reply call(HttpMethod method, String path, String body, MediaType type, String bearer) {
        var spec = client.method(method).uri(path).headers(h -> {
            if (bearer != null) {
                h.setBearerAuth(bearer);
            }
            h.setAccept(List.of(MediaType.APPLICATION_JSON));
        });
        EntityExchangeResult<String> result = (body == null ? spec : spec.contentType(type).bodyValue(body))
                .exchange().expectBody(String.class).returnResult();
        return reply(result);
    }

    static Reply reply(EntityExchangeResult<String> result) {
        String raw = result.getResponseBody();
        JsonNode json = raw == null || raw.isBlank() || !raw.trim().matches("(?s)^[\\[{].*")
                ? Json.object() : Json.MAPPER.readTree(raw);
        return new Reply(result.getStatus().value(), json, result.getResponseHeaders(), raw);
    }

    /** A QBO call through java.net.http, for what WebTestClient cannot show: a client timeout, a closed connection. */
    HttpResponse<String> send(String method, String pathAndQuery, String json, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl + "/v3/company/" + realmId + pathAndQuery))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept", "application/json").timeout(timeout)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    Reply admin(HttpMethod method, String path, String body) {
        return call(method, path, body, MediaType.APPLICATION_JSON, null);
    }

    /** {@code PUT /admin/realms/{realm}/faults}: the realm's settings after the change. */
    JsonNode faults(String json) {
        Reply r = admin(HttpMethod.PUT, "/admin/realms/" + realmId + "/faults", json);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    JsonNode stats() {
        return admin(HttpMethod.GET, "/admin/realms/" + realmId + "/stats", null).body();
    }

    JsonNode entities(String entity) {
        return admin(HttpMethod.GET, "/admin/realms/" + realmId + "/entities/" + entity, null).body();
    }

    Reply post(String pathAndQuery, String body) {
        return call(HttpMethod.POST, "/v3/company/" + realmId + pathAndQuery, body, MediaType.APPLICATION_JSON, token);
    }

    Reply get(String pathAndQuery) {
        return call(HttpMethod.GET, "/v3/company/" + realmId + pathAndQuery, null, null, token);
    }

    Reply query(String query) {
        return call(HttpMethod.POST, "/v3/company/" + realmId + "/query?minorversion=75", query,
                MediaType.parseMediaType("application/text"), token);
    }

    JsonNode customer(String name) {
        Reply r = post("/customer?minorversion=75", "{\"DisplayName\":\"" + name + "\"}");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body().get("Customer");
    }

    static String invoiceJson(String customerId, String docNumber, String amount) {
        return "{\"CustomerRef\":{\"value\":\"" + customerId + "\"}" + (docNumber == null ? "" : ",\"DocNumber\":\"" + docNumber + "\"")
                + ",\"Line\":[{\"DetailType\":\"SalesItemLineDetail\",\"Amount\":" + amount + ",\"SalesItemLineDetail\":"
                + "{\"ItemRef\":{\"value\":\"1\"},\"Qty\":1,\"UnitPrice\":" + amount + "}}]}";
    }

    JsonNode invoice(String customerId, String docNumber, String amount) {
        Reply r = post("/invoice", invoiceJson(customerId, docNumber, amount));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body().get("Invoice");
    }
}
