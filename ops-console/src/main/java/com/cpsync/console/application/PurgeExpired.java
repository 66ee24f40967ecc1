package com.cpsync.console.application;

import java.time.Clock;
import java.time.Instant;

import com.cpsync.console.application.port.DeadLetterStore;
import com.cpsync.console.application.port.OutcomeIndex;
import com.cpsync.console.domain.Retention;

/** Deletes what is older than the retention from the index; the audit of actions stays. */
public class PurgeExpired {

    private final OutcomeIndex outcomes;
    private final DeadLetterStore deadLetters;
    private final Retention retention;
    private final Clock clock;

    public PurgeExpired(OutcomeIndex outcomes, DeadLetterStore deadLetters, Retention retention, Clock clock) {
        this.outcomes = outcomes;
        this.deadLetters = deadLetters;
        this.retention = retention;
        this.clock = clock;
    }

    public record Purged(Instant cutoff, int outcomes, int deadLetters) {
    }

    public Purged purge() {
        Instant cutoff = retention.cutoff(clock.instant());
        return new Purged(cutoff, outcomes.deleteBefore(cutoff), deadLetters.deleteBefore(cutoff));
    }
}
