package com.cpsync.inbound.application;

import com.cpsync.inbound.domain.decision.Decision;

/**
 * One decision to publish: its outcome, and its command when it has one.
 *
 * @param commandId deterministic id of the command, null when the decision has no command
 * @param traceId   the trace the outcome belongs to when it is not this thread's (an echo: the trace of the
 *                  write it echoes); null otherwise
 */
public record Emission(String tenantId, String realmId, String causationId, Decision decision, String commandId,
        String traceId) {

    public Emission(String tenantId, String realmId, String causationId, Decision decision, String commandId) {
        this(tenantId, realmId, causationId, decision, commandId, null);
    }

    public Emission inTrace(String writerTraceId) {
        return new Emission(tenantId, realmId, causationId, decision, commandId, writerTraceId);
    }
}
