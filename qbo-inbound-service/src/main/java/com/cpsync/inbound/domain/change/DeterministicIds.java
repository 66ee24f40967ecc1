package com.cpsync.inbound.domain.change;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Name-based (v3) UUIDs, so that the same input always gives the same id. */
public final class DeterministicIds {

    private DeterministicIds() {
    }

    /** A v3 UUID of the parts joined with '|' (a separator that QBO ids and names do not need). */
    public static String uuidOf(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("|", parts).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The change id of a legacy webhook or CDC change: realm+entity+id+operation+lastUpdated. */
    public static String changeId(String realmId, QboEntity entity, String entityId, ChangeOperation operation,
            Instant lastUpdated) {
        return uuidOf("change", realmId, entity.qboName(), entityId, operation.name(),
                String.valueOf(lastUpdated.toEpochMilli()));
    }

    /** The command id: realm+entity+id+SyncToken+operation. */
    public static String commandId(String realmId, QboEntity entity, String entityId, String syncToken,
            String operation) {
        return uuidOf("command", realmId, entity.qboName(), entityId, syncToken == null ? "-" : syncToken, operation);
    }
}
