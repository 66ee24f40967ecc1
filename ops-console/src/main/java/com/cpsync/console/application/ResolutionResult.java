package com.cpsync.console.application;

import java.time.Instant;

/** How a resolution request ended; each is answered differently and recorded in the audit. */
public sealed interface ResolutionResult {

    /** The kind of result in capitals, e.g. {@code SEND_FAILED}. */
    default String name() {
        return ResultName.of(this);
    }

    record Sent(String resolutionId, String action) implements ResolutionResult {
    }

    record AlreadyResolved(String resolutionId, String action, String by, Instant at) implements ResolutionResult {
    }

    record NotFound(String tenantId, long conflictId) implements ResolutionResult {
    }

    record SendFailed(String reason) implements ResolutionResult {
    }
}
