package com.cpsync.console.domain.outcome;

import java.time.Instant;

/**
 * One {@code sync.outcomes.v1} record as the console keeps it. Direction, entity, action and result are the
 * schema's symbol names: the console shows and filters them, it never decides on them.
 */
public record IndexedOutcome(TopicPosition position, String outcomeId, String tenantId, String realmId,
                             Instant occurredAt, String causationId, String direction, String entityType,
                             String centerpointId, String qboId, String action, String result, String reason,
                             String qboErrorCode) {
}
