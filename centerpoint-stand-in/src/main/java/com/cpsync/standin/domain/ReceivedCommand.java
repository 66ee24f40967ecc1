package com.cpsync.standin.domain;

import java.util.Map;

/**
 * A command received from the sync: its id (applied once), tenant, effect, and the command as
 * Centerpoint lists it ({@code GET /tenants/{t}/commands}).
 */
public record ReceivedCommand(String commandId, String tenantId, CommandEffect effect, Map<String, Object> view) {
}
