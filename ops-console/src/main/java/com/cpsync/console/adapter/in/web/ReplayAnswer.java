package com.cpsync.console.adapter.in.web;

import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.cpsync.console.application.ReplayResult;

/**
 * A replay's answer: 200 REPLAYED, 200 ALREADY_REPLAYED (a second click changes nothing), 404 for an unknown id,
 * 409 when the dead letter cannot go back, 503 when the broker did not take it (try again).
 */
record ReplayAnswer(long id, String result, String topic, Instant replayedAt, String replayedBy, String message) {

    static ResponseEntity<ReplayAnswer> of(long id, ReplayResult result) {
        if (result instanceof ReplayResult.Replayed replayed) {
            return ResponseEntity.ok(new ReplayAnswer(id, result.name(), replayed.topic(), null, null,
                    "re-published to " + replayed.topic()));
        }
        if (result instanceof ReplayResult.AlreadyReplayed already) {
            return ResponseEntity.ok(new ReplayAnswer(id, result.name(), null, already.at(), already.by(),
                    "already replayed by " + already.by() + ": nothing sent again"));
        }
        if (result instanceof ReplayResult.NotReplayable notReplayable) {
            return answer(HttpStatus.CONFLICT, id, result, notReplayable.reason());
        }
        if (result instanceof ReplayResult.SendFailed failed) {
            return answer(HttpStatus.SERVICE_UNAVAILABLE, id, result, failed.reason());
        }
        return answer(HttpStatus.NOT_FOUND, id, result, "no dead letter " + id);
    }

    private static ResponseEntity<ReplayAnswer> answer(HttpStatus status, long id, ReplayResult result, String message) {
        return ResponseEntity.status(status).body(new ReplayAnswer(id, result.name(), null, null, null, message));
    }
}
