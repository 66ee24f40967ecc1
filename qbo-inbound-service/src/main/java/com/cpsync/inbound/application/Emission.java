package com.cpsync.inbound.application;

import com.cpsync.inbound.domain.decision.Decision;

/**
 * One decision to publish: its outcome, and its command when it has one.
 *
 * @param commandId deterministic id of the command, null when the decision has no command
 */
public record Emission(String tenantId, String realmId, String causationId, Decision decision, String commandId) {
}
