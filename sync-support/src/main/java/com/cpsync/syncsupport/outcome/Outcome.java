package com.cpsync.syncsupport.outcome;

import com.cpsync.schemas.avro.SyncAction;
import com.cpsync.schemas.avro.SyncDirection;
import com.cpsync.schemas.avro.SyncEntityType;
import com.cpsync.schemas.avro.SyncResult;

/**
 * One sync decision as {@code sync.outcomes.v1} records it (docs/contracts.md), before it gets its
 * outcome id and time. {@code realmId}, ids, reason and error code may be null. {@code traceId} names the
 * trace the outcome belongs to when it is not the sending thread's (an echo belongs to the write it echoes);
 * null: the publisher stamps the current trace.
 */
public record Outcome(String tenantId, String realmId, String causationId, SyncDirection direction,
        SyncEntityType entity, String centerpointId, String qboId, SyncAction action, SyncResult result,
        String reason, String qboErrorCode, String traceId) {

    /** An outcome of the sending thread's trace. */
    public Outcome(String tenantId, String realmId, String causationId, SyncDirection direction,
            SyncEntityType entity, String centerpointId, String qboId, SyncAction action, SyncResult result,
            String reason, String qboErrorCode) {
        this(tenantId, realmId, causationId, direction, entity, centerpointId, qboId, action, result, reason,
                qboErrorCode, null);
    }
}
