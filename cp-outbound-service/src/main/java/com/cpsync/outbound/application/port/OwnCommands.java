package com.cpsync.outbound.application.port;

/** Ids of the commands qbo-inbound-service sent to Centerpoint, to recognise echoes. */
public interface OwnCommands {

    boolean isOwnCommand(String tenantId, String commandId);
}
