package com.cpsync.outbound.adapter.out.http;

import java.util.Optional;
import java.util.function.Supplier;

import com.cpsync.outbound.application.port.EntityKind;
import com.cpsync.outbound.application.port.MappingGateway;
import com.cpsync.outbound.application.port.TenantMustWait;
import com.cpsync.outbound.application.port.WaitReason;
import com.cpsync.syncsupport.mapping.AccessGrant;
import com.cpsync.syncsupport.mapping.AnnouncedCreate;
import com.cpsync.syncsupport.mapping.CoalescedLinkLookups;
import com.cpsync.syncsupport.mapping.EntityLink;
import com.cpsync.syncsupport.mapping.LinkedEntity;
import com.cpsync.syncsupport.mapping.MappingServiceUnavailable;
import com.cpsync.syncsupport.mapping.MatchDecision;
import com.cpsync.syncsupport.mapping.MatchRequest;
import com.cpsync.syncsupport.mapping.TenantConnection;
import com.cpsync.syncsupport.mapping.TenantNotConnected;
import com.cpsync.syncsupport.mapping.http.MappingServiceClient;

/**
 * The shared mapping-service client, seen through this service's port: an outage makes the tenant wait
 * (FAILING), a missing or dead connection too (DISCONNECTED); a refusal or a link clash passes through.
 */
public class MappingServiceGateway implements MappingGateway {

    /** A tenant's lanes each ask for a link per event: asked at once, they share one call. */
    private static final int LINK_LOOKUPS_PER_CALL = 100;

    private final MappingServiceClient client;
    /** The calling thread's trace id (null when untraced): each write record names the trace that wrote it. */
    private final Supplier<String> currentTraceId;
    private final CoalescedLinkLookups linkLookups;

    public MappingServiceGateway(MappingServiceClient client, Supplier<String> currentTraceId) {
        this.client = client;
        this.currentTraceId = currentTraceId;
        this.linkLookups = new CoalescedLinkLookups(client, LINK_LOOKUPS_PER_CALL);
    }

    @Override
    public Optional<String> findLink(String tenantId, EntityKind kind, String centerpointId) {
        return waitOnOutage(() -> linkLookups.find(tenantId, linked(kind), centerpointId).map(EntityLink::qboId));
    }

    @Override
    public Optional<String> findLinkByQboId(String tenantId, EntityKind kind, String qboId) {
        return waitOnOutage(() -> client.findLinkByQboId(tenantId, linked(kind), qboId)
                .map(EntityLink::centerpointId));
    }

    @Override
    public void putLink(String tenantId, EntityKind kind, String centerpointId, String qboId) {
        waitOnOutage(() -> {
            client.putLink(tenantId, linked(kind), centerpointId, qboId);
            return null;
        });
    }

    @Override
    public MatchDecision matchCustomer(String tenantId, MatchRequest request) {
        return waitOnOutage(() -> client.matchCustomer(tenantId, request));
    }

    @Override
    public void recordWrite(String realmId, String tenantId, String qboEntity, String qboId, String syncToken) {
        waitOnOutage(() -> {
            client.recordWrite(realmId, tenantId, qboEntity, qboId, syncToken, currentTraceId.get());
            return null;
        });
    }

    @Override
    public Optional<String> lastSyncToken(String realmId, String qboEntity, String qboId) {
        return waitOnOutage(() -> client.lastSyncToken(realmId, qboEntity, qboId));
    }

    @Override
    public void announceCreate(String realmId, String tenantId, EntityKind kind, String centerpointId,
            String displayName, String parentQboId) {
        waitOnOutage(() -> {
            client.announceCreate(realmId, new AnnouncedCreate(linked(kind), centerpointId, tenantId, displayName,
                    parentQboId));
            return null;
        });
    }

    @Override
    public void withdrawCreate(String realmId, EntityKind kind, String centerpointId) {
        waitOnOutage(() -> {
            client.withdrawCreate(realmId, linked(kind), centerpointId);
            return null;
        });
    }

    @Override
    public AccessGrant accessToken(String tenantId, String rejectedAccessToken) {
        try {
            return waitOnOutage(() -> client.accessToken(tenantId, rejectedAccessToken));
        }
        catch (TenantNotConnected ex) {
            throw new TenantMustWait(WaitReason.DISCONNECTED, null, ex.getMessage(), ex);
        }
    }

    @Override
    public Optional<String> connectedRealm(String tenantId) {
        return waitOnOutage(() -> client.connectionOfTenant(tenantId).map(TenantConnection::realmId));
    }

    private static LinkedEntity linked(EntityKind kind) {
        return LinkedEntity.valueOf(kind.name());
    }

    private static <T> T waitOnOutage(Supplier<T> call) {
        try {
            return call.get();
        }
        catch (MappingServiceUnavailable ex) {
            throw new TenantMustWait(WaitReason.FAILING, null, ex.getMessage(), ex);
        }
    }
}
