package com.cpsync.console.domain.deadletter;

import java.time.Instant;

/** Whether a dead letter may be replayed now. Clicking twice replays once. */
public sealed interface ReplayDecision {

    record Send(Replay replay) implements ReplayDecision {
    }

    record AlreadyReplayed(Instant at, String by) implements ReplayDecision {
    }

    record NotReplayable(String reason) implements ReplayDecision {
    }

    static ReplayDecision decide(DeadLetterRecord stored) {
        DeadLetter letter = stored.letter();
        if (letter.replayed()) {
            return new AlreadyReplayed(letter.replayedAt(), letter.replayedBy());
        }
        if (letter.facts().originalTopic() == null) {
            return new NotReplayable("dead letter " + letter.id() + " names no original topic");
        }
        return new Send(Replay.of(stored));
    }
}
