package com.cpsync.console.domain.audit;

import java.time.Instant;

/** One action someone took in the console: who, when, what on which target, and how it ended. */
public record AuditEntry(String actor, Instant at, String action, String target, String result, String detail) {
}
