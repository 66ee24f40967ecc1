package com.cpsync.inbound.it;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;

import com.cpsync.mapping.MappingServiceApplication;
import com.cpsync.qbo.client.QboClient;
import com.cpsync.qbo.client.QboCredentials;
import com.cpsync.qbo.client.RealmLimits;
import com.cpsync.qbo.client.RealmRateLimiter;
import com.cpsync.sandbox.QboSandboxApplication;

/**
 * The real qbo-sandbox and mapping-service (with its embedded PostgreSQL), started in-process once per
 * JVM, plus what a test does with them: connect a tenant through the OAuth flow, write to QBO as a user
 * would, record links and echo writes.
 */
final class SandboxAndMapping {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static SandboxAndMapping started;
    private static ConfigurableApplicationContext sandboxApp;
    private static ConfigurableApplicationContext mappingApp;

    final String sandboxUrl;
    final String mappingUrl;
    private final WebClient http = WebClient.create();
    private final JsonMapper json = JsonMapper.builder().build();
    private final QboClient qbo;

    private SandboxAndMapping(String sandboxUrl, String mappingUrl) {
        this.sandboxUrl = sandboxUrl;
        this.mappingUrl = mappingUrl;
        // the test writes in bursts: wait for the realm's budget rather than fail
        this.qbo = QboClient.builder(URI.create(sandboxUrl))
                .limiter(new RealmRateLimiter(RealmLimits.qboDefaults().withMaxWait(Duration.ofSeconds(10)))).build();
    }

    static synchronized SandboxAndMapping start() {
        if (started == null) {
            ConfigurableApplicationContext sandbox = new SpringApplicationBuilder(QboSandboxApplication.class)
                    .properties("server.port=0", "sandbox.webhooks.aggregation-window=100ms",
                            "sandbox.webhooks.retry-delays=1s,2s,3s",
                            "spring.autoconfigure.exclude="
                                    + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                                    + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")
                    .run();
            String sandboxUrl = "http://localhost:" + sandbox.getEnvironment().getProperty("local.server.port");
            // arguments, not builder properties: those rank below the app's own @PropertySource defaults
            ConfigurableApplicationContext mapping = new SpringApplicationBuilder(MappingServiceApplication.class)
                    .run("--server.port=0", "--app.qbo.authorize-url=" + sandboxUrl + "/connect/oauth2",
                            "--app.qbo.token-url=" + sandboxUrl + "/oauth2/v1/tokens/bearer");
            String mappingUrl = "http://localhost:" + mapping.getEnvironment().getProperty("local.server.port");
            started = new SandboxAndMapping(sandboxUrl, mappingUrl);
            sandboxApp = sandbox;
            mappingApp = mapping;
        }
        return started;
    }

    /** Closes both apps (mapping-service stops its embedded PostgreSQL), so the test JVM can exit promptly. */
    static synchronized void stop() {
        if (started != null) {
            mappingApp.close();
            sandboxApp.close();
            started = null;
        }
    }

    /** Connects the tenant to the realm through mapping-service's real OAuth flow against the sandbox. */
    void connect(String tenantId, String realmId) {
        URI toQbo = redirect(mappingUrl + "/tenants/" + tenantId + "/connection/authorize?realmId=" + realmId);
        URI toCallback = redirect(toQbo.toString());
        MultiValueMap<String, String> query = UriComponentsBuilder.fromUri(toCallback).build(true).getQueryParams();
        http.get().uri(mappingUrl + "/oauth/callback?code={c}&state={s}&realmId={r}",
                        decode(query.getFirst("code")), decode(query.getFirst("state")), decode(query.getFirst("realmId")))
                .retrieve().toBodilessEntity().block(TIMEOUT);
    }

    private URI redirect(String url) {
        return http.get().uri(URI.create(url)).exchangeToMono(r -> r.bodyToMono(String.class).defaultIfEmpty("")
                .map(body -> {
                    URI location = r.headers().asHttpHeaders().getLocation();
                    if (location == null) {
                        throw new IllegalStateException(url + " answered " + r.statusCode() + " " + body);
                    }
                    return location;
                })).block(TIMEOUT);
    }

    void webhooks(String targetUrl, String verifierToken, boolean enabled) {
        Map<String, Object> body = Map.of("targetUrl", targetUrl, "verifierToken", verifierToken,
                "format", "CLOUDEVENTS", "enabled", enabled);
        http.put().uri(sandboxUrl + "/admin/webhooks").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .retrieve().toBodilessEntity().block(TIMEOUT);
    }

    /** Lifts the realm's request limits: the test itself writes in a burst, as several users would. */
    void liftLimits(String realmId) {
        http.put().uri(sandboxUrl + "/admin/realms/{r}/faults", realmId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("requestsPerSecond", 1000, "requestsPerMinute", 10000)).retrieve()
                .toBodilessEntity().block(TIMEOUT);
    }

    /**
     * Makes QBO throttle the realm as it really does: a 429 (fault 3001) without {@code Retry-After} for
     * every call after the first of a minute.
     */
    void throttle(String realmId) {
        http.put().uri(sandboxUrl + "/admin/realms/{r}/faults", realmId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("requestsPerMinute", 1, "retryAfter", false)).retrieve()
                .toBodilessEntity().block(TIMEOUT);
    }

    /** The realm's API calls as the sandbox counted them: {@code requests}, {@code byStatus}, … */
    JsonNode stats(String realmId) {
        return json.readTree(http.get().uri(sandboxUrl + "/admin/realms/{r}/stats", realmId).retrieve()
                .bodyToMono(String.class).block(TIMEOUT));
    }

    /** Puts the realm's QBO in an outage (every API call fails with a 5xx) for the given seconds. */
    void outage(String realmId, int seconds) {
        http.put().uri(sandboxUrl + "/admin/realms/{r}/faults", realmId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("outageSeconds", seconds)).retrieve().toBodilessEntity().block(TIMEOUT);
    }

    /** Writes to QBO as a user would, with a token of the sandbox's admin convenience. */
    JsonNode create(String realmId, String entity, String body) {
        return qbo.create(credentials(realmId), entity, json.readTree(body), UUID.randomUUID().toString());
    }

    JsonNode update(String realmId, String entity, String body) {
        return qbo.update(credentials(realmId), entity, (ObjectNode) json.readTree(body), UUID.randomUUID().toString());
    }

    JsonNode voidInvoice(String realmId, String id, String syncToken) {
        return qbo.voidInvoice(credentials(realmId), id, syncToken, UUID.randomUUID().toString());
    }

    JsonNode delete(String realmId, String entity, String id, String syncToken) {
        return qbo.delete(credentials(realmId), entity, id, syncToken, UUID.randomUUID().toString());
    }

    void mergeCustomers(String realmId, String fromId, String toId) {
        http.post().uri(sandboxUrl + "/admin/realms/{r}/customers/merge", realmId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("fromId", fromId, "toId", toId)).retrieve().toBodilessEntity().block(TIMEOUT);
    }

    /** The Centerpoint id linked to a QBO id, or null. */
    String linkedCenterpointId(String tenantId, String entityType, String qboId) {
        return http.get().uri(mappingUrl + "/tenants/{t}/links/{e}?qboId={q}", tenantId, entityType, qboId)
                .exchangeToMono(r -> r.statusCode().is2xxSuccessful()
                        ? r.bodyToMono(String.class).map(body -> json.readTree(body).path("centerpointId").asString())
                        : Mono.<String>empty())
                .block(TIMEOUT);
    }

    void link(String tenantId, String entityType, String centerpointId, String qboId) {
        http.put().uri(mappingUrl + "/tenants/{t}/links/{e}/{c}", tenantId, entityType, centerpointId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("qboId", qboId))
                .retrieve().toBodilessEntity().block(TIMEOUT);
    }

    void recordWrite(String tenantId, String realmId, String qboEntity, String qboId, String syncToken) {
        http.post().uri(mappingUrl + "/realms/{r}/writes", realmId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("tenantId", tenantId, "qboEntity", qboEntity, "qboId", qboId, "syncToken", syncToken))
                .retrieve().toBodilessEntity().block(TIMEOUT);
    }

    private QboCredentials credentials(String realmId) {
        JsonNode tokens = json.readTree(http.post().uri(sandboxUrl + "/admin/realms/{r}/tokens", realmId).retrieve()
                .bodyToMono(String.class).block(TIMEOUT));
        return new QboCredentials(realmId, tokens.path("access_token").asString());
    }

    private static String decode(String value) {
        return java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
