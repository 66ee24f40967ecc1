package com.cpsync.outbound.domain.events;

import java.time.Instant;

/**
 * A consumed Centerpoint event, free of Avro. {@code causationId} is null unless another message caused it;
 * {@code source} is where it was read on the events topic (a copy on the waiting topic keeps its original's).
 */
public record OutboundEvent(String eventId, String tenantId, Instant occurredAt, String causationId,
        EventPayload payload, SourcePosition source) {

    /** An event whose position on the events topic is not known (yet): the adapter reading it sets it. */
    public OutboundEvent(String eventId, String tenantId, Instant occurredAt, String causationId, EventPayload payload) {
        this(eventId, tenantId, occurredAt, causationId, payload, SourcePosition.UNKNOWN);
    }

    public OutboundEvent readAt(SourcePosition position) {
        return new OutboundEvent(eventId, tenantId, occurredAt, causationId, payload, position);
    }

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
