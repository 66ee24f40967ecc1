package com.cpsync.schemas;

/**
 * Kafka topic names: a contract shared by every module (DESIGN.md §3).
 */
public final class Topics {

    /** Centerpoint domain events ({@code CenterpointEvent}), key tenant id. */
    public static final String CENTERPOINT_EVENTS = "centerpoint.events.v1";

    /** Tenant sync settings ({@code SyncSettings}), compacted, key tenant id; a tombstone means no settings. */
    public static final String CENTERPOINT_SYNC_SETTINGS = "centerpoint.sync-settings.v1";

    /** Commands for Centerpoint to apply ({@code CenterpointCommand}), key tenant id. */
    public static final String CENTERPOINT_COMMANDS = "centerpoint.commands.v1";

    /** Changed QBO entities ({@code QboEntityChange}), key realm id. */
    public static final String QBO_CHANGES = "qbo.changes.v1";

    /** One record per sync decision ({@code SyncOutcome}), key tenant id. */
    public static final String SYNC_OUTCOMES = "sync.outcomes.v1";

    /**
     * A person's answer to a record held as a CONFLICT ({@code ConflictResolution}), key tenant id: sent by
     * ops-console, consumed by cp-outbound-service, which owns the topic.
     */
    public static final String CP_OUTBOUND_RESOLUTIONS = "cp-outbound.resolutions.v1";

    /**
     * Whether cp-outbound-service has parked a tenant ({@code TenantStatus}), compacted, key tenant id: written by
     * cp-outbound-service, which owns the topic, read by ops-console.
     */
    public static final String CP_OUTBOUND_TENANT_STATUS = "cp-outbound.tenant-status.v1";

    private static final String DLT_SUFFIX = ".DLT";

    private Topics() {
    }

    /** The dead-letter topic of a consumed topic: {@code <topic>.DLT}. */
    public static String dlt(String topic) {
        return topic + DLT_SUFFIX;
    }
}
