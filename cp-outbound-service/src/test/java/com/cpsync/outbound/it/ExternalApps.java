package com.cpsync.outbound.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.cpsync.mapping.MappingServiceApplication;
import com.cpsync.sandbox.QboSandboxApplication;
import com.cpsync.sandbox.config.AdjustableClock;

/**
 * The real qbo-sandbox and mapping-service (embedded PostgreSQL), started once in this JVM, plus the
 * HTTP calls the tests make to them as a user or an operator would.
 */
final class ExternalApps implements AutoCloseable {

    private static ExternalApps instance;

    final String sandboxUrl;
    final String mappingUrl;
    /** The sandbox's clock (token expiry, rate windows, outage windows): tests move it, never wait on it. */
    private final AdjustableClock sandboxClock = new AdjustableClock();
    private final ConfigurableApplicationContext sandbox;
    private final ConfigurableApplicationContext mapping;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.ALWAYS).build();
    private final JsonMapper json = JsonMapper.builder().build();

    private ExternalApps() {
        sandbox = new SpringApplicationBuilder(QboSandboxApplication.class)
                .properties("server.port=0", "spring.application.name=qbo-sandbox",
                        "spring.autoconfigure.exclude=" + ItProperties.JDBC_AUTOCONFIG)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("sandboxClock", sandboxClock))
                .run();
        sandboxUrl = "http://localhost:" + sandbox.getEnvironment().getProperty("local.server.port");
        int mappingPort = freePort();
        // command-line arguments: they outrank mapping-service's own @PropertySource defaults
        mapping = new SpringApplicationBuilder(MappingServiceApplication.class)
                .run("--server.port=" + mappingPort, "--spring.application.name=mapping-service",
                        "--app.qbo.authorize-url=" + sandboxUrl + "/connect/oauth2",
                        "--app.qbo.token-url=" + sandboxUrl + "/oauth2/v1/tokens/bearer",
                        "--app.qbo.redirect-uri=http://localhost:" + mappingPort + "/oauth/callback");
        mappingUrl = "http://localhost:" + mappingPort;
    }

    static synchronized ExternalApps get() {
        if (instance == null) {
            instance = new ExternalApps();
        }
        return instance;
    }

    /**
     * Stops both apps (mapping-service's embedded PostgreSQL with it) while the test engine still runs:
     * left to JVM shutdown hooks they close alongside the broker's temp-dir deletion and hold the exit.
     */
    @Override
    public void close() {
        synchronized (ExternalApps.class) {
            mapping.close();
            sandbox.close();
            instance = null;
        }
    }

    /** Connects the tenant to a fresh sandbox realm through mapping-service's real OAuth flow. */
    void connect(String tenantId, String realmId) {
        send("POST", sandboxUrl + "/admin/realms/" + realmId, null);
        JsonNode connected = send("GET", mappingUrl + "/tenants/" + tenantId + "/connection/authorize?realmId="
                + realmId, null);
        if (!"CONNECTED".equals(connected.path("status").asString())) {
            throw new IllegalStateException("connection failed: " + connected);
        }
    }

    List<JsonNode> entities(String realmId, String entity) {
        List<JsonNode> all = new ArrayList<>();
        send("GET", sandboxUrl + "/admin/realms/" + realmId + "/entities/" + entity, null).forEach(all::add);
        return all;
    }

    /** Creates an entity directly in QBO, as a bookkeeper would. */
    JsonNode createInQbo(String realmId, String entity, String body) {
        return createInQbo(realmId, entity, body, null);
    }

    /** The same, sent with a {@code requestid} (QBO answers a repeated requestid with the first response). */
    JsonNode createInQbo(String realmId, String entity, String body, String requestId) {
        String token = send("POST", sandboxUrl + "/admin/realms/" + realmId + "/tokens", null)
                .path("access_token").asString();
        return send("POST", sandboxUrl + "/v3/company/" + realmId + "/" + entity.toLowerCase() + "?minorversion=75"
                + (requestId == null ? "" : "&requestid=" + requestId), body, "Bearer " + token).path(entity);
    }

    /** The access token mapping-service holds for the tenant (the one the service was handed). */
    String currentAccessToken(String tenantId) {
        return send("POST", mappingUrl + "/tenants/" + tenantId + "/connection/access-token", "{}")
                .path("accessToken").asString();
    }

    /** Revokes a token at QBO's revoke endpoint, authenticated as the OAuth client mapping-service uses. */
    void revokeAccessToken(String token) {
        String client = Base64.getEncoder().encodeToString("local-client-id:local-client-secret"
                .getBytes(StandardCharsets.UTF_8));
        send("POST", sandboxUrl + "/v2/oauth2/tokens/revoke", json.createObjectNode().put("token", token).toString(),
                "Basic " + client);
    }

    void setFaults(String realmId, String body) {
        send("PUT", sandboxUrl + "/admin/realms/" + realmId + "/faults", body);
    }

    /** Moves QBO's time forward, e.g. past an outage window. */
    void advanceSandboxClock(Duration amount) {
        sandboxClock.advance(amount);
    }

    JsonNode stats(String realmId) {
        return send("GET", sandboxUrl + "/admin/realms/" + realmId + "/stats", null);
    }

    JsonNode link(String tenantId, String entityType, String centerpointId) {
        return send("GET", mappingUrl + "/tenants/" + tenantId + "/links/" + entityType + "/" + centerpointId, null);
    }

    private JsonNode send(String method, String url, String body) {
        return send(method, url, body, null);
    }

    private JsonNode send(String method, String url, String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + url + " → " + response.statusCode() + " "
                        + response.body());
            }
            return response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
