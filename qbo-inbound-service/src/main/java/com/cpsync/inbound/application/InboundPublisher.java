package com.cpsync.inbound.application;

import java.util.List;

import com.cpsync.inbound.domain.change.EntityChange;

/** Publishes decisions (commands and outcomes) and dead letters; returns once the broker acknowledged. */
public interface InboundPublisher {

    void publish(List<Emission> emissions);

    /** A change that cannot be routed to any tenant goes to the DLT with the reason. */
    void deadLetter(EntityChange change, String reason);

    /** Forwards a parked or failing realm's changes, in order, to the retry topic (key realm). */
    void forwardToRetry(List<EntityChange> changes);
}
