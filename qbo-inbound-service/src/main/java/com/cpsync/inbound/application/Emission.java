package com.cpsync.inbound.application;

import com.cpsync.inbound.domain.decision.Decision;
import com.cpsync.inbound.domain.decision.Decision.EchoSuppressed;

/**
 * One decision to publish: its outcome, and its command when it has one.
 *
 * @param commandId deterministic id of the command, null when the decision has no command
 * @param traceId   the trace the outcome belongs to when it is not this thread's (an echo: the trace of the
 *                  write it echoes); null otherwise
 */
public record Emission(String tenantId, String realmId, String causationId, Decision decision, String commandId,
        String traceId) {

    /** An echo's outcome joins the trace of the write it echoes, so the event, its QBO calls and its echo share one. */
    public Emission(String tenantId, String realmId, String causationId, Decision decision, String commandId) {
        this(tenantId, realmId, causationId, decision, commandId,
                decision instanceof EchoSuppressed echo ? echo.writerTraceId() : null);
    }
}
