package com.cpsync.inbound.adapter.out.http;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.cpsync.inbound.application.Connection;
import com.cpsync.inbound.application.MappingDirectory;
import com.cpsync.syncsupport.mapping.AnnouncedCreate;
import com.cpsync.syncsupport.mapping.EntityLink;
import com.cpsync.syncsupport.mapping.LinkedEntity;
import com.cpsync.syncsupport.mapping.OurWrite;
import com.cpsync.syncsupport.mapping.TenantConnection;
import com.cpsync.syncsupport.mapping.http.MappingServiceClient;

/**
 * The shared mapping-service client, seen through this service's port. Its exceptions pass through:
 * an outage fails the realm transiently (parked, retried), a link clash is the caller's CONFLICT.
 */
public class MappingServiceDirectory implements MappingDirectory {

    private final MappingServiceClient client;

    public MappingServiceDirectory(MappingServiceClient client) {
        this.client = client;
    }

    @Override
    public Optional<Connection> connectionOfRealm(String realmId) {
        return client.connectionOfRealm(realmId).map(MappingServiceDirectory::toConnection);
    }

    @Override
    public List<Connection> connections() {
        return client.connections().stream().map(MappingServiceDirectory::toConnection)
                .filter(Connection::connected).toList();
    }

    @Override
    public Optional<String> centerpointIdOf(String tenantId, String entityType, String qboId) {
        return client.findLinkByQboId(tenantId, LinkedEntity.valueOf(entityType), qboId)
                .map(EntityLink::centerpointId);
    }

    @Override
    public void link(String tenantId, String entityType, String centerpointId, String qboId) {
        client.putLink(tenantId, LinkedEntity.valueOf(entityType), centerpointId, qboId);
    }

    @Override
    public int repoint(String tenantId, String entityType, String fromQboId, String toQboId) {
        return client.repoint(tenantId, LinkedEntity.valueOf(entityType), fromQboId, toQboId);
    }

    @Override
    public List<AnnouncedCreate> announcedCreates(String realmId, String displayName) {
        return client.announcedCreates(realmId, displayName);
    }

    @Override
    public List<AnnouncedCreate> announcedCreatesOf(String realmId, LinkedEntity entity) {
        return client.announcedCreatesOf(realmId, entity);
    }

    @Override
    public Optional<String> appliedPayload(String realmId, String qboEntity, String qboId) {
        return client.appliedPayload(realmId, qboEntity, qboId);
    }

    @Override
    public void saveAppliedPayload(String realmId, String qboEntity, String qboId, String payloadHash) {
        client.saveAppliedPayload(realmId, qboEntity, qboId, payloadHash);
    }

    @Override
    public Optional<OurWrite> ourWrite(String realmId, String qboEntity, String qboId) {
        return client.lastWrite(realmId, qboEntity, qboId);
    }

    @Override
    public boolean markApplied(String realmId, String qboEntity, String qboId, Instant lastUpdated, String syncToken) {
        return client.markApplied(realmId, qboEntity, qboId, lastUpdated, syncToken);
    }

    @Override
    public Optional<Instant> cdcCursor(String realmId) {
        return client.cdcCursor(realmId);
    }

    @Override
    public void saveCdcCursor(String realmId, Instant changedSince) {
        client.saveCdcCursor(realmId, changedSince);
    }

    private static Connection toConnection(TenantConnection connection) {
        return new Connection(connection.tenantId(), connection.realmId(), connection.connected());
    }
}
