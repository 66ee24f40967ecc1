package com.cpsync.console.application.port;

import com.cpsync.console.domain.conflict.ConflictResolutionCommand;

/** Sends a resolution to cp-outbound-service and returns once the broker has it; throws when it did not take it. */
public interface ResolutionSender {

    void send(ConflictResolutionCommand command);
}
