package com.cpsync.inbound.it;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

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

    final String sandboxUrl;
    final String mappingUrl;
    private final InProcessPeers peers;
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
        peers.sandbox("PUT", "/admin/webhooks", Map.of("targetUrl", targetUrl, "verifierToken", verifierToken,
                "format", "CLOUDEVENTS", "enabled", enabled));
    }

    /** Lifts the realm's request limits: the test itself writes in a burst, as several users would. */
    void liftLimits(String realmId) {
        peers.setFaults(realmId, Map.of("requestsPerSecond", 1000, "requestsPerMinute", 10000));
    }

    /**
     * Makes QBO throttle the realm as it really does: a 429 (fault 3001) without {@code Retry-After} for
     * every call after the first of a minute.
     */
    void throttle(String realmId) {
        peers.setFaults(realmId, Map.of("requestsPerMinute", 1, "retryAfter", false));
    }

    /** The realm's API calls as the sandbox counted them: {@code requests}, {@code byStatus}, … */
    JsonNode stats(String realmId) {
        return peers.stats(realmId);
    }

    /** Puts the realm's QBO in an outage (every API call fails with a 5xx) for the given seconds. */
    void outage(String realmId, int seconds) {
        peers.setFaults(realmId, Map.of("outageSeconds", seconds));
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
        peers.sandbox("POST", "/admin/realms/" + realmId + "/customers/merge", Map.of("fromId", fromId, "toId", toId));
    }

    /** The Centerpoint id linked to a QBO id, or null. */
    String linkedCenterpointId(String tenantId, String entityType, String qboId) {
        return peers.findInMapping("/tenants/" + tenantId + "/links/" + entityType + "?qboId=" + qboId)
                .map(link -> link.path("centerpointId").asString()).orElse(null);
    }

    void link(String tenantId, String entityType, String centerpointId, String qboId) {
        peers.mapping("PUT", "/tenants/" + tenantId + "/links/" + entityType + "/" + centerpointId,
                Map.of("qboId", qboId));
    }

    void recordWrite(String tenantId, String realmId, String qboEntity, String qboId, String syncToken) {
        peers.mapping("POST", "/realms/" + realmId + "/writes",
                Map.of("tenantId", tenantId, "qboEntity", qboEntity, "qboId", qboId, "syncToken", syncToken));
    }

    private QboCredentials credentials(String realmId) {
        return new QboCredentials(realmId, peers.sandboxAccessToken(realmId));
    }
}
