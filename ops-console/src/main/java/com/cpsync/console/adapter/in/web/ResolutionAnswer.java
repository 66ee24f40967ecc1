package com.cpsync.console.adapter.in.web;

import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.cpsync.console.application.ResolutionResult;

/**
 * A resolution's answer: 200 SENT (the new outcome follows in the trail), 200 ALREADY_RESOLVED (a second click
 * sends nothing), 404 when the tenant has no such held conflict, 503 when the broker did not take it (try again).
 */
record ResolutionAnswer(long conflictId, String result, String resolutionId, String action, String resolvedBy,
                        Instant resolvedAt, String message) {

    static ResponseEntity<ResolutionAnswer> of(String tenantId, long conflictId, ResolutionResult result) {
        if (result instanceof ResolutionResult.Sent sent) {
            return ResponseEntity.ok(new ResolutionAnswer(conflictId, result.name(), sent.resolutionId(),
                    sent.action(), null, null, "sent to cp-outbound-service; its outcome follows in the trail"));
        }
        if (result instanceof ResolutionResult.AlreadyResolved already) {
            return ResponseEntity.ok(new ResolutionAnswer(conflictId, result.name(), already.resolutionId(),
                    already.action(), already.by(), already.at(), "already resolved by " + already.by()
                    + ": nothing sent again"));
        }
        if (result instanceof ResolutionResult.SendFailed failed) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(new ResolutionAnswer(conflictId,
                    result.name(), null, null, null, null, failed.reason()));
        }
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ResolutionAnswer(conflictId, result.name(), null,
                null, null, null, "no held conflict " + conflictId + " of tenant " + tenantId));
    }
}
