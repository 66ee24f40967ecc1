package com.cpsync.outbound.adapter.in.kafka.work;

import java.util.Optional;

import com.cpsync.outbound.domain.events.OutboundEvent;

/** Handles one event; returns the key of an unseen parent it must wait for, else empty. */
@FunctionalInterface
public interface EventHandling {

    Optional<String> handle(OutboundEvent event);
}
