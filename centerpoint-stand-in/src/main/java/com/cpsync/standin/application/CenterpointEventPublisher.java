package com.cpsync.standin.application;

import reactor.core.publisher.Mono;

import com.cpsync.schemas.avro.CenterpointEvent;

/** Where Centerpoint's events go (centerpoint.events.v1). */
public interface CenterpointEventPublisher {

    /** Completes once the event is durably published. */
    Mono<Void> publish(CenterpointEvent event);
}
