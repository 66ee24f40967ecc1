package com.cpsync.syncsupport.mapping.http;

import java.time.Instant;
import java.util.List;

import org.springframework.web.client.HttpClientErrorException;

import com.cpsync.syncsupport.mapping.AccessGrant;
import com.cpsync.syncsupport.mapping.AnnouncedCreate;
import com.cpsync.syncsupport.mapping.Candidate;
import com.cpsync.syncsupport.mapping.EntityLink;
import com.cpsync.syncsupport.mapping.LinkedEntity;
import com.cpsync.syncsupport.mapping.MappingServiceRefused;
import com.cpsync.syncsupport.mapping.MatchDecision;
import com.cpsync.syncsupport.mapping.MatchRequest;
import com.cpsync.syncsupport.mapping.TenantConnection;

/** mapping-service's JSON shapes (docs/contracts.md) and their translation to the typed API, in one place. */
final class Wire {

    private Wire() {
    }

    record LinkJson(String tenantId, String entityType, String centerpointId, String qboId, String createdAt) {
        EntityLink toLink() {
            return new EntityLink(tenantId, LinkedEntity.valueOf(entityType), centerpointId, qboId,
                    createdAt == null ? null : Instant.parse(createdAt));
        }
    }

    record LookupJson(List<LinkJson> links) {
    }

    record RepointedJson(int repointed) {
    }

    record CandidateJson(String type, String id, String displayName, boolean active, boolean job) {
    }

    record MatchJson(String centerpointId, String displayName, String policy, String suffix,
            List<CandidateJson> candidates) {
        static MatchJson of(MatchRequest request) {
            return new MatchJson(request.centerpointId(), request.displayName(), request.policy().name(),
                    request.suffix(), request.candidates().stream().map(c -> new CandidateJson(c.list().name(),
                            c.id(), c.displayName(), c.active(), c.job())).toList());
        }
    }

    record DecisionJson(String decision, String qboId, String displayName, String reason) {
    }

    record WriteJson(String qboEntity, String qboId, String syncToken, String writtenAt, String traceId) {
    }

    record NewerJson(boolean newer) {
    }

    record AnnouncedJson(String entityType, String centerpointId, String tenantId, String displayName,
            String parentQboId) {
        AnnouncedCreate toAnnounced() {
            return new AnnouncedCreate(LinkedEntity.valueOf(entityType), centerpointId, tenantId, displayName,
                    parentQboId);
        }
    }

    record CursorJson(String changedSince) {
    }

    record PayloadJson(String payloadHash) {
    }

    record ConnectionJson(String tenantId, String realmId, String status, String accessTokenExpiresAt) {
        TenantConnection toConnection() {
            return new TenantConnection(tenantId, realmId, "CONNECTED".equals(status),
                    accessTokenExpiresAt == null ? null : Instant.parse(accessTokenExpiresAt));
        }
    }

    record GrantJson(String realmId, String accessToken, String expiresAt) {
        AccessGrant toGrant() {
            return new AccessGrant(realmId, accessToken, Instant.parse(expiresAt));
        }

        @Override
        public String toString() {
            return "GrantJson[realmId=" + realmId + ", accessToken=***]";
        }
    }

    /** The one place the decision string is read; an unknown decision is mapping-service's bug, refused. */
    static MatchDecision decision(DecisionJson answer, MatchRequest request) {
        String decision = answer == null ? null : answer.decision();
        if ("LINK".equals(decision) && answer.qboId() != null) {
            return new MatchDecision.Link(answer.qboId());
        }
        if ("CREATE".equals(decision) && answer.displayName() != null) {
            return new MatchDecision.Create(answer.displayName());
        }
        if ("CONFLICT".equals(decision)) {
            List<Candidate> weighed = request.candidates();
            return new MatchDecision.Conflict(answer.reason() == null ? "conflict" : answer.reason(), weighed);
        }
        throw new MappingServiceRefused("mapping-service answered an unknown match decision: " + answer, null);
    }

    record ErrorJson(String error, String message) {
    }

    /** The human sentence of mapping-service's error body ({@code {"error","message"}}), else the raw body. */
    static String message(HttpClientErrorException ex) {
        try {
            ErrorJson error = ex.getResponseBodyAs(ErrorJson.class);
            if (error != null && error.message() != null) {
                return error.message();
            }
        }
        catch (RuntimeException notJson) {
            // fall through to the raw body
        }
        return ex.getResponseBodyAsString();
    }
}
