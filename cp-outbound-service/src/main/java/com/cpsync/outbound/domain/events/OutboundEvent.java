package com.cpsync.outbound.domain.events;

import java.time.Instant;

/** A consumed Centerpoint event, free of Avro. {@code causationId} is null unless another message caused it. */
public record OutboundEvent(String eventId, String tenantId, Instant occurredAt, String causationId,
        EventPayload payload) {
}
