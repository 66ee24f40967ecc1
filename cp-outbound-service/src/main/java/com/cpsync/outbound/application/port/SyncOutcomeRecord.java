package com.cpsync.outbound.application.port;

/** One sync decision as written to sync.outcomes.v1 (direction TO_QBO). */
public record SyncOutcomeRecord(String tenantId, String realmId, String causationId, EntityKind entity,
        String centerpointId, String qboId, Action action, Result result, String reason, String qboErrorCode) {

    public enum Action { CREATE, UPDATE, LINK, DELETE, VOID, NONE }

    /** WAITING_FOR_CONNECTION is not an end: a final result follows once the tenant connects. */
    public enum Result { SYNCED, SKIPPED_BY_SETTINGS, ECHO_SUPPRESSED, CONFLICT, FAILED, WAITING_FOR_CONNECTION }

    public SyncOutcomeRecord withRealm(String realm) {
        return new SyncOutcomeRecord(tenantId, realm, causationId, entity, centerpointId, qboId, action, result,
                reason, qboErrorCode);
    }

    public static SyncOutcomeRecord of(String tenantId, String causationId, EntityKind entity, String centerpointId,
            Result result, String reason) {
        return new SyncOutcomeRecord(tenantId, null, causationId, entity, centerpointId, null, Action.NONE, result,
                reason, null);
    }
}
