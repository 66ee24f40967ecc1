package com.cpsync.outbound.adapter.out.http;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import com.cpsync.outbound.application.port.EntityKind;
import com.cpsync.outbound.application.port.LinkClash;
import com.cpsync.outbound.application.port.MappingGateway;
import com.cpsync.outbound.application.port.TenantMustWait;
import com.cpsync.outbound.application.port.WaitReason;

/**
 * mapping-service's HTTP API (docs/contracts.md), blocking (called from worker threads). 404 is
 * "absent"; 409 on access-token is "disconnected", on a link a {@link LinkClash}; transport errors and
 * 5xx make the tenant wait.
 */
public class MappingServiceClient implements MappingGateway {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final RestClient http;

    public MappingServiceClient(RestClient http) {
        this.http = http;
    }

    @Override
    public Optional<String> findLink(String tenantId, EntityKind kind, String centerpointId) {
        return call(() -> {
            try {
                JsonNode link = http.get().uri("/tenants/{t}/links/{k}/{c}", tenantId, kind.name(), centerpointId)
                        .retrieve().body(JsonNode.class);
                return Optional.ofNullable(link).map(l -> l.path("qboId").asString());
            }
            catch (HttpClientErrorException.NotFound ex) {
                return Optional.empty();
            }
        });
    }

    @Override
    public void putLink(String tenantId, EntityKind kind, String centerpointId, String qboId) {
        call(() -> {
            try {
                return http.put().uri("/tenants/{t}/links/{k}/{c}", tenantId, kind.name(), centerpointId)
                        .contentType(MediaType.APPLICATION_JSON).body(JSON.objectNode().put("qboId", qboId))
                        .retrieve().toBodilessEntity();
            }
            catch (HttpClientErrorException ex) {
                if (ex.getStatusCode() == HttpStatus.CONFLICT) {
                    throw new LinkClash(kind + " " + centerpointId + " -> " + qboId + ": "
                            + ex.getResponseBodyAsString(), ex);
                }
                throw ex;
            }
        });
    }

    @Override
    public MatchDecision matchCustomer(String tenantId, MatchRequest request) {
        ObjectNode body = JSON.objectNode().put("centerpointId", request.centerpointId())
                .put("displayName", request.displayName()).put("policy", request.policy())
                .put("suffix", request.suffix());
        request.candidates().forEach(c -> body.withArray("candidates").addObject().put("type", c.type())
                .put("id", c.id()).put("displayName", c.displayName()).put("active", c.active()).put("job", c.job()));
        if (request.candidates().isEmpty()) {
            body.putArray("candidates");
        }
        JsonNode answer = call(() -> http.post().uri("/tenants/{t}/customer-matches", tenantId)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(JsonNode.class));
        return new MatchDecision(answer.path("decision").asString(), text(answer, "qboId"),
                text(answer, "displayName"), text(answer, "reason"));
    }

    @Override
    public void recordWrite(String realmId, String tenantId, String qboEntity, String qboId, String syncToken) {
        ObjectNode body = JSON.objectNode().put("tenantId", tenantId).put("qboEntity", qboEntity).put("qboId", qboId)
                .put("syncToken", syncToken);
        call(() -> http.post().uri("/realms/{r}/writes", realmId).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toBodilessEntity());
    }

    @Override
    public Optional<String> lastSyncToken(String realmId, String qboEntity, String qboId) {
        return call(() -> {
            try {
                JsonNode write = http.get().uri("/realms/{r}/writes/{e}/{id}", realmId, qboEntity, qboId)
                        .retrieve().body(JsonNode.class);
                return Optional.ofNullable(write).map(w -> w.path("syncToken").asString());
            }
            catch (HttpClientErrorException.NotFound ex) {
                return Optional.empty();
            }
        });
    }

    @Override
    public AccessGrant accessToken(String tenantId, String rejectedAccessToken) {
        ObjectNode body = JSON.objectNode();
        if (rejectedAccessToken != null) {
            body.put("rejectedAccessToken", rejectedAccessToken);
        }
        return call(() -> {
            try {
                JsonNode grant = http.post().uri("/tenants/{t}/connection/access-token", tenantId)
                        .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(JsonNode.class);
                return new AccessGrant(grant.path("realmId").asString(), grant.path("accessToken").asString(),
                        Instant.parse(grant.path("expiresAt").asString()));
            }
            catch (HttpClientErrorException ex) {
                if (ex.getStatusCode() == HttpStatus.CONFLICT || ex.getStatusCode() == HttpStatus.NOT_FOUND) {
                    throw new TenantMustWait(WaitReason.DISCONNECTED, null,
                            "tenant " + tenantId + " is not connected to QBO", ex);
                }
                throw ex;
            }
        });
    }

    @Override
    public Optional<String> connectedRealm(String tenantId) {
        return call(() -> {
            try {
                JsonNode connection = http.get().uri("/tenants/{t}/connection", tenantId).retrieve()
                        .body(JsonNode.class);
                return Optional.ofNullable(connection == null ? null : text(connection, "realmId"));
            }
            catch (HttpClientErrorException.NotFound ex) {
                return Optional.empty();
            }
        });
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        }
        catch (HttpClientErrorException ex) {
            // a 4xx is a bug on our side or bad data: surface it as an unexpected error (FAILED outcome)
            throw new IllegalStateException("mapping-service refused: " + ex.getStatusCode() + " "
                    + ex.getResponseBodyAsString(), ex);
        }
        catch (RestClientException ex) {
            throw new TenantMustWait(WaitReason.FAILING, null, "mapping-service unavailable: " + ex.getMessage(), ex);
        }
    }
}
