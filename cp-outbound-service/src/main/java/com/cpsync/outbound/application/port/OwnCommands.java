package com.cpsync.outbound.application.port;

import java.util.Optional;

import com.cpsync.outbound.domain.echoes.OwnCommand;

/** The commands qbo-inbound-service sent to Centerpoint, to recognise echoes. */
public interface OwnCommands {

    Optional<OwnCommand> find(String tenantId, String commandId);

    default boolean isOwnCommand(String tenantId, String commandId) {
        return find(tenantId, commandId).isPresent();
    }
}
