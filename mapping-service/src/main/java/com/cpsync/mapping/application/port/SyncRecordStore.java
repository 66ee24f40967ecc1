package com.cpsync.mapping.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Per-realm sync records: our own QBO writes (echo suppression), the newest inbound change applied, CDC cursors.
 * QBO entity names compare case-insensitively ({@code Customer} from the API, {@code customer} from CloudEvents).
 */
public interface SyncRecordStore {

    /** {@code traceId}: the trace of the work that wrote it; null when untraced. */
    record WriteRecord(String qboEntity, String qboId, String syncToken, Instant writtenAt, String traceId) {
    }

    /** A create about to be sent to QBO; {@code parentQboId} is the parent customer of a job, else null. */
    record AnnouncedCreate(String entityType, String centerpointId, String tenantId, String displayName,
            String parentQboId, Instant announcedAt) {
    }

    /** Keeps the latest write per entity. */
    void recordWrite(String realmId, String tenantId, String qboEntity, String qboId, String syncToken,
            String traceId);

    Optional<WriteRecord> findWrite(String realmId, String qboEntity, String qboId);

    /**
     * Stores the change when it is newer than the stored one, atomically, so two consumers racing on the same
     * entity cannot both see themselves as newer.
     *
     * @return whether it was newer (and is now stored)
     */
    boolean applyIfNewer(String realmId, String qboEntity, String qboId, Instant lastUpdated, String syncToken);

    /** Keeps the latest announcement per Centerpoint record. */
    void announceCreate(String realmId, AnnouncedCreate create);

    void withdrawCreate(String realmId, String entityType, String centerpointId);

    /** Announcements of that exact display name made after {@code since}. */
    List<AnnouncedCreate> announcedCreates(String realmId, String displayName, Instant since);

    /** Announcements of one entity type made after {@code since}. */
    List<AnnouncedCreate> announcedCreatesOf(String realmId, String entityType, Instant since);

    /** Forgets announcements made before {@code before}; returns how many. */
    int forgetAnnouncedCreates(Instant before);

    /** The fingerprint of what was last sent to Centerpoint for this entity. */
    Optional<String> findAppliedPayload(String realmId, String qboEntity, String qboId);

    void saveAppliedPayload(String realmId, String qboEntity, String qboId, String payloadHash);

    Optional<Instant> findCdcCursor(String realmId);

    void saveCdcCursor(String realmId, Instant changedSince);
}
