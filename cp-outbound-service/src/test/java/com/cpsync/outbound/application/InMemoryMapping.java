package com.cpsync.outbound.application;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.cpsync.outbound.application.port.EntityKind;
import com.cpsync.outbound.application.port.LinkClash;
import com.cpsync.outbound.application.port.MappingGateway;
import com.cpsync.outbound.domain.companies.CustomerNames;

/** mapping-service's rules in miniature: links, a match decision like the real one, write records. */
class InMemoryMapping implements MappingGateway {

    final Map<String, String> links = new HashMap<>();
    final Map<String, String> writes = new HashMap<>();

    @Override
    public Optional<String> findLink(String tenantId, EntityKind kind, String centerpointId) {
        return Optional.ofNullable(links.get(tenantId + "/" + kind + "/" + centerpointId));
    }

    @Override
    public void putLink(String tenantId, EntityKind kind, String centerpointId, String qboId) {
        String prefix = tenantId + "/" + kind + "/";
        String key = prefix + centerpointId;
        // unique both ways per tenant and kind, like mapping-service's 409
        boolean clash = links.entrySet().stream().anyMatch(l -> l.getKey().startsWith(prefix)
                && (l.getKey().equals(key) != l.getValue().equals(qboId)));
        if (clash) {
            throw new LinkClash(kind + " " + centerpointId + " -> " + qboId + ": already linked otherwise", null);
        }
        links.put(key, qboId);
    }

    @Override
    public MatchDecision matchCustomer(String tenantId, MatchRequest request) {
        String name = CustomerNames.normalise(request.displayName());
        for (Candidate c : request.candidates()) {
            if (c.type().equals("Customer") && !c.job() && CustomerNames.normalise(c.displayName()).equals(name)) {
                return new MatchDecision("LINK", c.id(), null, null);
            }
        }
        for (Candidate c : request.candidates()) {
            if (!c.type().equals("Customer") && CustomerNames.normalise(c.displayName()).equals(name)) {
                return request.policy().equals("SUFFIX")
                        ? new MatchDecision("CREATE", null, request.displayName() + request.suffix(), null)
                        : new MatchDecision("CONFLICT", null, null,
                                "QBO " + c.type() + " " + c.id() + " '" + c.displayName() + "' already uses the name");
            }
        }
        return new MatchDecision("CREATE", null, request.displayName(), null);
    }

    @Override
    public void recordWrite(String realmId, String tenantId, String qboEntity, String qboId, String syncToken) {
        writes.put(qboEntity + "/" + qboId, syncToken);
    }

    @Override
    public Optional<String> lastSyncToken(String realmId, String qboEntity, String qboId) {
        return Optional.ofNullable(writes.get(qboEntity + "/" + qboId));
    }

    @Override
    public AccessGrant accessToken(String tenantId, String rejectedAccessToken) {
        return new AccessGrant("realm-" + tenantId, "token", Instant.now().plusSeconds(3600));
    }

    @Override
    public Optional<String> connectedRealm(String tenantId) {
        return Optional.of("realm-" + tenantId);
    }
}
