package com.cpsync.console.application;

import java.time.Instant;

/** How a replay request ended; each is answered differently and recorded in the audit. */
public sealed interface ReplayResult {

    /** The kind of result in capitals, e.g. {@code SEND_FAILED}. */
    default String name() {
        return ResultName.of(this);
    }

    record Replayed(String topic) implements ReplayResult {
    }

    record AlreadyReplayed(Instant at, String by) implements ReplayResult {
    }

    record NotReplayable(String reason) implements ReplayResult {
    }

    record NotFound(long id) implements ReplayResult {
    }

    record SendFailed(String reason) implements ReplayResult {
    }
}
