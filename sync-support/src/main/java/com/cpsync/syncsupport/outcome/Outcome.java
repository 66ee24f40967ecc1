package com.cpsync.syncsupport.outcome;

import com.cpsync.schemas.avro.SyncAction;
import com.cpsync.schemas.avro.SyncDirection;
import com.cpsync.schemas.avro.SyncEntityType;
import com.cpsync.schemas.avro.SyncResult;

/**
 * One sync decision as {@code sync.outcomes.v1} records it (docs/contracts.md), before it gets its
 * outcome id and time. {@code realmId}, ids, reason and error code may be null.
 */
public record Outcome(String tenantId, String realmId, String causationId, SyncDirection direction,
        SyncEntityType entity, String centerpointId, String qboId, SyncAction action, SyncResult result,
        String reason, String qboErrorCode) {
}
