package com.cpsync.console.domain.deadletter;

import java.time.Instant;

import com.cpsync.console.domain.outcome.TopicPosition;

/** A dead letter as the console lists it: origin, reason, a payload summary, and whether it was replayed. */
public record DeadLetter(long id, TopicPosition position, DeadLetterFacts facts, String payloadSummary,
                         Instant deadLetteredAt, Instant replayedAt, String replayedBy) {

    public boolean replayed() {
        return replayedAt != null;
    }
}
