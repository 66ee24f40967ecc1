package com.cpsync.standin.application;

import java.time.Clock;
import java.time.Duration;

import org.springframework.stereotype.Service;

import com.cpsync.schemas.avro.CenterpointCommand;
import com.cpsync.standin.domain.CenterpointData;

/** Applies a received command to the tenant's data and publishes the event the change causes. */
@Service
public class ReceiveCommand {

    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);

    private final CenterpointData data;
    private final CenterpointEventPublisher publisher;
    private final Clock clock;

    public ReceiveCommand(CenterpointData data, CenterpointEventPublisher publisher, Clock clock) {
        this.data = data;
        this.publisher = publisher;
        this.clock = clock;
    }

    public void handle(CenterpointCommand command) {
        // blocking on the listener thread: the offset is committed only after the event is out
        data.tenant(command.getTenantId())
                .apply(command, clock.instant())
                .ifPresent(event -> publisher.publish(event).block(PUBLISH_TIMEOUT));
    }
}
