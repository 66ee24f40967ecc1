package com.cpsync.outbound.application.work;

import com.cpsync.outbound.domain.events.OutboundEvent;

/** A consumed event and how to acknowledge its record once its outcome is durable. */
public record WorkItem(OutboundEvent event, Runnable acknowledge) {
}
