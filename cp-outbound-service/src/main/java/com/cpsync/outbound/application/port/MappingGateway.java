package com.cpsync.outbound.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * mapping-service: links, customer matching, write records and access tokens. Transport failures
 * surface as {@code TenantMustWait(FAILING)}; a disconnected tenant as {@code TenantMustWait(DISCONNECTED)}.
 */
public interface MappingGateway {

    Optional<String> findLink(String tenantId, EntityKind kind, String centerpointId);

    void putLink(String tenantId, EntityKind kind, String centerpointId, String qboId);

    MatchDecision matchCustomer(String tenantId, MatchRequest request);

    void recordWrite(String realmId, String tenantId, String qboEntity, String qboId, String syncToken);

    Optional<String> lastSyncToken(String realmId, String qboEntity, String qboId);

    AccessGrant accessToken(String tenantId, String rejectedAccessToken);

    /** The realm of the tenant's connection (also when disconnected) without fetching a token; empty if none. */
    Optional<String> connectedRealm(String tenantId);

    record Candidate(String type, String id, String displayName, boolean active, boolean job) {
    }

    record MatchRequest(String centerpointId, String displayName, String policy, String suffix,
            List<Candidate> candidates) {
    }

    /** {@code decision} is LINK (qboId), CREATE (displayName) or CONFLICT (reason). */
    record MatchDecision(String decision, String qboId, String displayName, String reason) {
    }

    record AccessGrant(String realmId, String accessToken, Instant expiresAt) {
    }
}
