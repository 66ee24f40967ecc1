package com.cpsync.outbound.adapter.in.kafka.work;

import com.cpsync.outbound.domain.events.OutboundEvent;

/**
 * A consumed event, how to acknowledge its record once its outcome is durable, where the record was read
 * (so that it can be sent to the waiting topic as it came), and the trace it was consumed in.
 */
public record WorkItem(OutboundEvent event, Runnable acknowledge, RecordOrigin origin, WorkTrace trace) {

    /** An untraced item. */
    public WorkItem(OutboundEvent event, Runnable acknowledge, RecordOrigin origin) {
        this(event, acknowledge, origin, WorkTrace.NONE);
    }
}
