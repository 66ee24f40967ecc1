package com.cpsync.inbound.domain.decision;

import java.util.Objects;

/**
 * What becomes of one QBO change: each kind is one sync outcome. Only {@link Synced} carries a command for
 * Centerpoint; a customer merge ({@link Relinked}) moves links instead.
 */
public sealed interface Decision {

    SyncedEntity entity();

    /** The outcome's action: NONE unless the kind says otherwise. */
    default Action action() {
        return Action.NONE;
    }

    /** The Centerpoint record concerned; null when there is none (yet). */
    default String centerpointId() {
        return null;
    }

    String qboId();

    /** The outcome's result, fixed by the kind. */
    Result result();

    /** Why it ended so; null for the synced kinds. */
    default String reason() {
        return null;
    }

    /** Centerpoint applies the command. */
    record Synced(SyncedEntity entity, Action action, String centerpointId, String qboId, Command command)
            implements Decision {

        public Synced {
            Objects.requireNonNull(command, "command");
        }

        @Override
        public Result result() {
            return Result.SYNCED;
        }
    }

    /** A customer merge: the merged-away customer's company links move to the survivor; nothing for Centerpoint. */
    record Relinked(String qboId, String mergedAwayQboId) implements Decision {

        @Override
        public SyncedEntity entity() {
            return SyncedEntity.COMPANY;
        }

        @Override
        public Action action() {
            return Action.UPDATE;
        }

        @Override
        public Result result() {
            return Result.SYNCED;
        }
    }

    /** The tenant's settings, or what the change is about, say no. */
    record SkippedBySettings(SyncedEntity entity, Action action, String centerpointId, String qboId, String reason)
            implements Decision {

        @Override
        public Result result() {
            return Result.SKIPPED_BY_SETTINGS;
        }
    }

    /**
     * Our own write to QBO coming back: nothing to do. Its outcome joins the trace of the work that wrote
     * ({@code writerTraceId}, null when that work was not traced or the echo was recognised otherwise).
     */
    record EchoSuppressed(SyncedEntity entity, String centerpointId, String qboId, String syncToken,
            String writerTraceId) implements Decision {

        public EchoSuppressed(SyncedEntity entity, String centerpointId, String qboId, String syncToken) {
            this(entity, centerpointId, qboId, syncToken, null);
        }

        public EchoSuppressed inTraceOf(String traceId) {
            return new EchoSuppressed(entity, centerpointId, qboId, syncToken, traceId);
        }

        @Override
        public Result result() {
            return Result.ECHO_SUPPRESSED;
        }

        @Override
        public String reason() {
            return "QBO SyncToken " + syncToken + " is our own write";
        }
    }

    /**
     * A newer QBO version that would send Centerpoint exactly what it was sent last (an echo of our own
     * write whose reply was lost, or a change to a field Centerpoint does not take): in sync, nothing sent.
     */
    record Unchanged(SyncedEntity entity, String centerpointId, String qboId) implements Decision {

        @Override
        public Result result() {
            return Result.SYNCED;
        }

        @Override
        public String reason() {
            return "nothing Centerpoint takes changed since the last version applied: no command sent";
        }
    }

    /** Two records claim the same link: nothing is applied until a person decides. */
    record Conflict(SyncedEntity entity, Action action, String centerpointId, String qboId, String reason)
            implements Decision {

        @Override
        public Result result() {
            return Result.CONFLICT;
        }
    }

    /** The change could not be decided (QBO refused the read, the tenant is disconnected). */
    record Failed(SyncedEntity entity, String qboId, String reason) implements Decision {

        @Override
        public Result result() {
            return Result.FAILED;
        }
    }
}
