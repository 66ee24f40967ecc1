package com.cpsync.outbound.adapter.in.kafka.work;

import com.cpsync.outbound.domain.events.OutboundEvent;

/** A consumed event and how to acknowledge its record once its outcome is durable. */
public record WorkItem(OutboundEvent event, Runnable acknowledge) {
}
