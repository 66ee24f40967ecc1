package com.cpsync.console.application;

import java.time.Instant;

/** How a resolution request ended; each is answered differently and recorded in the audit. */
public sealed interface ResolutionResult {

    String name();

    record Sent(String resolutionId, String action) implements ResolutionResult {
        public String name() {
            return "SENT";
        }
    }

    record AlreadyResolved(String resolutionId, String action, String by, Instant at) implements ResolutionResult {
        public String name() {
            return "ALREADY_RESOLVED";
        }
    }

    record NotFound(String tenantId, long conflictId) implements ResolutionResult {
        public String name() {
            return "NOT_FOUND";
        }
    }

    record SendFailed(String reason) implements ResolutionResult {
        public String name() {
            return "SEND_FAILED";
        }
    }
}
