package com.cpsync.outbound.application.port;

import java.util.Optional;

import com.cpsync.syncsupport.mapping.LinkClash;
import com.cpsync.syncsupport.mapping.MatchDecision;
import com.cpsync.syncsupport.mapping.MatchRequest;
import com.cpsync.syncsupport.token.AccessTokenSource;

/**
 * mapping-service: links, customer matching, write records and access tokens. Transport failures
 * surface as {@code TenantMustWait(FAILING)}; a disconnected tenant as {@code TenantMustWait(DISCONNECTED)}.
 */
public interface MappingGateway extends AccessTokenSource {

    Optional<String> findLink(String tenantId, EntityKind kind, String centerpointId);

    /** The Centerpoint id linked to this QBO id for that kind, if any (mapping-service's reverse lookup). */
    Optional<String> findLinkByQboId(String tenantId, EntityKind kind, String qboId);

    /** @throws LinkClash when either id is already linked to another (a CONFLICT, never "already linked") */
    void putLink(String tenantId, EntityKind kind, String centerpointId, String qboId);

    MatchDecision matchCustomer(String tenantId, MatchRequest request);

    void recordWrite(String realmId, String tenantId, String qboEntity, String qboId, String syncToken);

    Optional<String> lastSyncToken(String realmId, String qboEntity, String qboId);

    /**
     * Announces a customer, job or invoice create before it is sent, so that qbo-inbound links the new QBO
     * entity to this record (instead of importing it, or skipping a payment of it) when the reply is lost.
     *
     * @param displayName a customer's or job's name, an invoice's DocNumber
     * @param parentQboId the parent customer of a job, the customer of an invoice; null for a company
     */
    void announceCreate(String realmId, String tenantId, EntityKind kind, String centerpointId, String displayName,
            String parentQboId);

    /** The announced create's outcome is known (linked, or refused): nothing is left to recognise. */
    void withdrawCreate(String realmId, EntityKind kind, String centerpointId);

    /** The realm of the tenant's connection (also when disconnected) without fetching a token; empty if none. */
    Optional<String> connectedRealm(String tenantId);
}
