package com.cpsync.console.domain.conflict;

import java.time.Instant;

/**
 * The command sent to cp-outbound-service for one held record: {@code conflictRowId} is the console's id of the
 * held CONFLICT outcome, {@code conflictOutcomeId} that outcome's own id.
 */
public record ConflictResolutionCommand(String resolutionId, long conflictRowId, String conflictOutcomeId,
                                        String tenantId, String entityType, String centerpointId,
                                        ResolutionRequest.Action action, String qboId, String requestedBy,
                                        Instant requestedAt) {
}
