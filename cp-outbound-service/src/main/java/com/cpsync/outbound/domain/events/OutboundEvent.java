package com.cpsync.outbound.domain.events;

import java.time.Instant;

/** A consumed Centerpoint event, free of Avro. {@code causationId} is null unless another message caused it. */
public record OutboundEvent(String eventId, String tenantId, Instant occurredAt, String causationId,
        EventPayload payload) {

    /** The causation id of an event Centerpoint published again for a resync (docs/reconciliation.md). */
    public static final String RESYNC_CAUSATION_PREFIX = "resync:";

    /**
     * A resync: the record as Centerpoint has it now, to be written whole, because QBO may differ from what
     * was last sent (changed there by a person); its fields are not compared with the last state seen.
     */
    public boolean resync() {
        return causationId != null && causationId.startsWith(RESYNC_CAUSATION_PREFIX);
    }
}
