package com.cpsync.mapping.application.port;

import java.time.Instant;
import java.util.Optional;

/**
 * Per-realm sync records: our own QBO writes (echo suppression), the newest inbound change applied, CDC cursors.
 * QBO entity names compare case-insensitively ({@code Customer} from the API, {@code customer} from CloudEvents).
 */
public interface SyncRecordStore {

    record WriteRecord(String qboEntity, String qboId, String syncToken, Instant writtenAt) {
    }

    /** Keeps the latest write per entity. */
    void recordWrite(String realmId, String tenantId, String qboEntity, String qboId, String syncToken);

    Optional<WriteRecord> findWrite(String realmId, String qboEntity, String qboId);

    /**
     * Stores the change when it is newer than the stored one, atomically, so two consumers racing on the same
     * entity cannot both see themselves as newer.
     *
     * @return whether it was newer (and is now stored)
     */
    boolean applyIfNewer(String realmId, String qboEntity, String qboId, Instant lastUpdated, String syncToken);

    Optional<Instant> findCdcCursor(String realmId);

    void saveCdcCursor(String realmId, Instant changedSince);
}
