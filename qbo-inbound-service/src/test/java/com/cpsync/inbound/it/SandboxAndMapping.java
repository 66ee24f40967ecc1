package com.cpsync.inbound.it;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import com.cpsync.qbo.client.QboClient;
import com.cpsync.qbo.client.QboCredentials;
import com.cpsync.qbo.client.RealmLimits;
import com.cpsync.qbo.client.RealmRateLimiter;
import com.cpsync.testsupport.apps.InProcessPeers;

/**
 * What an inbound test does with the real qbo-sandbox and mapping-service (test-support's
 * {@link InProcessPeers}, started for the run): connect a tenant through the OAuth flow, write to QBO as a
 * user would, record links and echo writes.
 */
final class SandboxAndMapping {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    final String sandboxUrl;
    final String mappingUrl;
    private final InProcessPeers peers;
    private final WebClient http = WebClient.create();
    private final JsonMapper json = JsonMapper.builder().build();
    private final QboClient qbo;

    SandboxAndMapping(InProcessPeers peers) {
        this.peers = peers;
        this.sandboxUrl = peers.sandboxUrl();
        this.mappingUrl = peers.mappingUrl();
        // the test writes in bursts: wait for the realm's budget rather than fail
        this.qbo = QboClient.builder(URI.create(sandboxUrl))
                .limiter(new RealmRateLimiter(RealmLimits.qboDefaults().withMaxWait(Duration.ofSeconds(10)))).build();
    }

    /** Connects the tenant to the realm through mapping-service's real OAuth flow against the sandbox. */
    void connect(String tenantId, String realmId) {
        peers.connect(tenantId, realmId);
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
        return new QboCredentials(realmId, peers.sandboxAccessToken(realmId));
    }
}
