package com.cpsync.mapping.application;

import java.time.Instant;

import com.cpsync.mapping.application.port.SyncRecordStore;
import com.cpsync.mapping.application.port.SyncRecordStore.WriteRecord;

/** Echo records, applied inbound changes and CDC cursors: plain per-realm records, no domain decisions. */
public class SyncRecords {

    private final SyncRecordStore records;

    public SyncRecords(SyncRecordStore records) {
        this.records = records;
    }

    public void recordWrite(String realmId, String tenantId, String qboEntity, String qboId, String syncToken) {
        records.recordWrite(realmId, tenantId, qboEntity, qboId, syncToken);
    }

    public WriteRecord write(String realmId, String qboEntity, String qboId) {
        return records.findWrite(realmId, qboEntity, qboId).orElseThrow(() -> ApiException.notFound(
                "no write recorded for " + qboEntity + " " + qboId + " in realm " + realmId));
    }

    /** @return whether the change is newer than the last one applied (and is now the last one) */
    public boolean applyIfNewer(String realmId, String qboEntity, String qboId, Instant lastUpdated, String syncToken) {
        return records.applyIfNewer(realmId, qboEntity, qboId, lastUpdated, syncToken);
    }

    public Instant cdcCursor(String realmId) {
        return records.findCdcCursor(realmId)
                .orElseThrow(() -> ApiException.notFound("no CDC cursor for realm " + realmId));
    }

    public void saveCdcCursor(String realmId, Instant changedSince) {
        records.saveCdcCursor(realmId, changedSince);
    }
}
