package com.cpsync.inbound.domain.decision;

import java.util.Optional;

/**
 * One sync decision: what it is about, what happens, and the command to emit (only when SYNCED).
 */
public record Decision(SyncedEntity entity, Action action, Result result, String centerpointId, String qboId,
        String reason, Command command) {

    public static Decision synced(SyncedEntity entity, Action action, String centerpointId, String qboId,
            Command command) {
        return new Decision(entity, action, Result.SYNCED, centerpointId, qboId, null, command);
    }

    public static Decision skipped(SyncedEntity entity, Action action, String centerpointId, String qboId,
            String reason) {
        return new Decision(entity, action, Result.SKIPPED_BY_SETTINGS, centerpointId, qboId, reason, null);
    }

    public static Decision echo(SyncedEntity entity, String centerpointId, String qboId, String syncToken) {
        return new Decision(entity, Action.NONE, Result.ECHO_SUPPRESSED, centerpointId, qboId,
                "QBO SyncToken " + syncToken + " is our own write", null);
    }

    public static Decision failed(SyncedEntity entity, String qboId, String reason) {
        return new Decision(entity, Action.NONE, Result.FAILED, null, qboId, reason, null);
    }

    public Optional<Command> commandToEmit() {
        return Optional.ofNullable(command);
    }
}
