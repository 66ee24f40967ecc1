package com.cpsync.standin.application;

import java.time.Clock;

import com.cpsync.standin.domain.CenterpointData;
import com.cpsync.standin.domain.ReceivedCommand;

/** Applies a received command to the tenant's data and publishes the event the change causes. */
public record ReceiveCommand(CenterpointData data, CenterpointEventPublisher publisher, Clock clock) {

    public void handle(ReceivedCommand command) {
        // on the listener thread: the offset is committed only after the caused event is out
        data.tenant(command.tenantId()).apply(command, clock.instant()).ifPresent(publisher::publish);
    }
}
