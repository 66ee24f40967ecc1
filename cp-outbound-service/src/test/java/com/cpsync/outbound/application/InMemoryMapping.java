package com.cpsync.outbound.application;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.cpsync.outbound.application.port.EntityKind;
import com.cpsync.outbound.application.port.MappingGateway;
import com.cpsync.qbo.client.names.DisplayNames;
import com.cpsync.syncsupport.mapping.AccessGrant;
import com.cpsync.syncsupport.mapping.Candidate;
import com.cpsync.syncsupport.mapping.ConflictPolicy;
import com.cpsync.syncsupport.mapping.LinkClash;
import com.cpsync.syncsupport.mapping.LinkedEntity;
import com.cpsync.syncsupport.mapping.MatchDecision;
import com.cpsync.syncsupport.mapping.MatchRequest;
import com.cpsync.syncsupport.mapping.NameList;

/** mapping-service's rules in miniature: links, a match decision like the real one, write records. */
class InMemoryMapping implements MappingGateway {

    final Map<String, String> links = new HashMap<>();
    final Map<String, String> writes = new HashMap<>();
    /** Announced creates still open: kind/centerpointId → display name. */
    final Map<String, String> announced = new HashMap<>();

    @Override
    public Optional<String> findLink(String tenantId, EntityKind kind, String centerpointId) {
        return Optional.ofNullable(links.get(tenantId + "/" + kind + "/" + centerpointId));
    }

    @Override
    public Optional<String> findLinkByQboId(String tenantId, EntityKind kind, String qboId) {
        String prefix = tenantId + "/" + kind + "/";
        return links.entrySet().stream().filter(l -> l.getKey().startsWith(prefix) && l.getValue().equals(qboId))
                .map(l -> l.getKey().substring(prefix.length())).findFirst();
    }

    @Override
    public void putLink(String tenantId, EntityKind kind, String centerpointId, String qboId) {
        String prefix = tenantId + "/" + kind + "/";
        String key = prefix + centerpointId;
        // unique both ways per tenant and kind, like mapping-service's 409
        boolean clash = links.entrySet().stream().anyMatch(l -> l.getKey().startsWith(prefix)
                && (l.getKey().equals(key) != l.getValue().equals(qboId)));
        if (clash) {
            throw new LinkClash(LinkedEntity.valueOf(kind.name()), centerpointId, qboId, "already linked otherwise",
                    null);
        }
        links.put(key, qboId);
    }

    @Override
    public MatchDecision matchCustomer(String tenantId, MatchRequest request) {
        String name = DisplayNames.normalise(request.displayName());
        for (Candidate c : request.candidates()) {
            if (c.list() == NameList.Customer && !c.job() && DisplayNames.normalise(c.displayName()).equals(name)) {
                return new MatchDecision.Link(c.id());
            }
        }
        for (Candidate c : request.candidates()) {
            if (c.list() != NameList.Customer && DisplayNames.normalise(c.displayName()).equals(name)) {
                return request.policy() == ConflictPolicy.SUFFIX
                        ? new MatchDecision.Create(DisplayNames.withSuffix(request.displayName(), request.suffix()))
                        : new MatchDecision.Conflict("QBO " + c.list() + " " + c.id() + " '" + c.displayName()
                                + "' already uses the name", request.candidates());
            }
        }
        return new MatchDecision.Create(request.displayName());
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
    public void announceCreate(String realmId, String tenantId, EntityKind kind, String centerpointId,
            String displayName, String parentQboId) {
        announced.put(kind + "/" + centerpointId, displayName);
    }

    @Override
    public void withdrawCreate(String realmId, EntityKind kind, String centerpointId) {
        announced.remove(kind + "/" + centerpointId);
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
