package com.cpsync.mapping.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.cpsync.mapping.application.port.SyncRecordStore;
import com.cpsync.mapping.application.port.SyncRecordStore.AnnouncedCreate;
import com.cpsync.mapping.application.port.SyncRecordStore.WriteRecord;

/**
 * Echo records, announced creates, applied inbound changes and CDC cursors: plain per-realm records, no
 * domain decisions. An announced create counts for {@code announcementTtl}: long enough for the echo of a
 * create whose reply was lost to arrive (a webhook within seconds, CDC within its interval), short enough
 * that a create abandoned by a crash does not claim a customer made in QBO much later.
 */
public record SyncRecords(SyncRecordStore records, Duration announcementTtl, Clock clock) {

    public void recordWrite(String realmId, String tenantId, String qboEntity, String qboId, String syncToken,
            String traceId) {
        records.recordWrite(realmId, tenantId, qboEntity, qboId, syncToken, traceId);
    }

    public WriteRecord write(String realmId, String qboEntity, String qboId) {
        return records.findWrite(realmId, qboEntity, qboId).orElseThrow(() -> ApiException.notFound(
                "no write recorded for " + qboEntity + " " + qboId + " in realm " + realmId));
    }

    public void announceCreate(String realmId, String tenantId, String entityType, String centerpointId,
            String displayName, String parentQboId) {
        // announcements are withdrawn once a create's outcome is known: the stale ones are few, dropped here
        records.forgetAnnouncedCreates(clock.instant().minus(announcementTtl));
        records.announceCreate(realmId, new AnnouncedCreate(entityType, centerpointId, tenantId, displayName,
                parentQboId, clock.instant()));
    }

    public void withdrawCreate(String realmId, String entityType, String centerpointId) {
        records.withdrawCreate(realmId, entityType, centerpointId);
    }

    /** Fresh announcements of that display name, or (name null) of that entity type. */
    public List<AnnouncedCreate> announcedCreates(String realmId, String displayName, String entityType) {
        Instant since = clock.instant().minus(announcementTtl);
        if (displayName != null) {
            return records.announcedCreates(realmId, displayName, since).stream()
                    .filter(create -> entityType == null || create.entityType().equals(entityType)).toList();
        }
        if (entityType == null) {
            throw ApiException.badRequest("displayName or entityType is required");
        }
        return records.announcedCreatesOf(realmId, entityType, since);
    }

    /** @return whether the change is newer than the last one applied (and is now the last one) */
    public boolean applyIfNewer(String realmId, String qboEntity, String qboId, Instant lastUpdated, String syncToken) {
        return records.applyIfNewer(realmId, qboEntity, qboId, lastUpdated, syncToken);
    }

    public String appliedPayload(String realmId, String qboEntity, String qboId) {
        return records.findAppliedPayload(realmId, qboEntity, qboId).orElseThrow(() -> ApiException.notFound(
                "nothing applied yet for " + qboEntity + " " + qboId + " in realm " + realmId));
    }

    public void saveAppliedPayload(String realmId, String qboEntity, String qboId, String payloadHash) {
        records.saveAppliedPayload(realmId, qboEntity, qboId, payloadHash);
    }

    public Instant cdcCursor(String realmId) {
        return records.findCdcCursor(realmId)
                .orElseThrow(() -> ApiException.notFound("no CDC cursor for realm " + realmId));
    }

    public void saveCdcCursor(String realmId, Instant changedSince) {
        records.saveCdcCursor(realmId, changedSince);
    }
}
