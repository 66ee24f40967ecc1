package com.cpsync.inbound.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.cpsync.syncsupport.mapping.AnnouncedCreate;
import com.cpsync.syncsupport.mapping.LinkClash;
import com.cpsync.syncsupport.mapping.LinkedEntity;
import com.cpsync.syncsupport.mapping.OurWrite;

/** What this service asks of mapping-service (docs/contracts.md). */
public interface MappingDirectory {

    /** The tenant connected to a realm; empty when no tenant ever connected it. */
    Optional<Connection> connectionOfRealm(String realmId);

    /** Every connected realm. */
    List<Connection> connections();

    /** Reverse link lookup: the Centerpoint id linked to a QBO id. */
    Optional<String> centerpointIdOf(String tenantId, String entityType, String qboId);

    /**
     * Records a link (the same pair again is fine).
     *
     * @throws LinkClash when either id is linked to another: a CONFLICT, never "already linked"
     */
    void link(String tenantId, String entityType, String centerpointId, String qboId);

    /** Re-points every link of the merged-away QBO id to the survivor; returns how many moved. */
    int repoint(String tenantId, String entityType, String fromQboId, String toQboId);

    /**
     * Our last write of this entity: its SyncToken (echo suppression) and the trace of the work that wrote
     * (an echo's outcome joins it).
     */
    Optional<OurWrite> ourWrite(String realmId, String qboEntity, String qboId);

    /** Stores the change as applied when it is newer than the stored one; true when it was newer. */
    boolean markApplied(String realmId, String qboEntity, String qboId, Instant lastUpdated, String syncToken);

    /** cp-outbound's fresh announced creates of that exact display name in the realm. */
    List<AnnouncedCreate> announcedCreates(String realmId, String displayName);

    /** cp-outbound's fresh announced creates of one entity type in the realm (usually none). */
    List<AnnouncedCreate> announcedCreatesOf(String realmId, LinkedEntity entity);

    /** The fingerprint of the command last sent to Centerpoint for this QBO entity. */
    Optional<String> appliedPayload(String realmId, String qboEntity, String qboId);

    void saveAppliedPayload(String realmId, String qboEntity, String qboId, String payloadHash);

    Optional<Instant> cdcCursor(String realmId);

    void saveCdcCursor(String realmId, Instant changedSince);
}
