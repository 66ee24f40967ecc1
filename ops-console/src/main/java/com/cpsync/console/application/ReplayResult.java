package com.cpsync.console.application;

import java.time.Instant;

/** How a replay request ended; each is answered differently and recorded in the audit. */
public sealed interface ReplayResult {

    String name();

    record Replayed(String topic) implements ReplayResult {
        public String name() {
            return "REPLAYED";
        }
    }

    record AlreadyReplayed(Instant at, String by) implements ReplayResult {
        public String name() {
            return "ALREADY_REPLAYED";
        }
    }

    record NotReplayable(String reason) implements ReplayResult {
        public String name() {
            return "NOT_REPLAYABLE";
        }
    }

    record NotFound(long id) implements ReplayResult {
        public String name() {
            return "NOT_FOUND";
        }
    }

    record SendFailed(String reason) implements ReplayResult {
        public String name() {
            return "SEND_FAILED";
        }
    }
}
