package com.cpsync.outbound.domain.resolutions;

/**
 * A person's answer to a record held as a CONFLICT, free of Avro. {@code entityType} is the held entity's
 * SyncEntityType name; {@code qboId} is set for LINK only.
 */
public record Resolution(String resolutionId, String tenantId, String conflictId, String entityType,
        String centerpointId, Action action, String qboId, String requestedBy) {

    public enum Action { LINK, CREATE_WITH_SUFFIX, DISMISS }

    /** How outcome reasons name it: "resolution r1 (LINK by ops)". */
    public String label() {
        return "resolution " + resolutionId + " (" + action + " by " + requestedBy + ")";
    }
}
