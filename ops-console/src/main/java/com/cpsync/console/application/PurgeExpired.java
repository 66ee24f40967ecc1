package com.cpsync.console.application;

import java.time.Clock;
import java.time.Instant;

import com.cpsync.console.application.port.DeadLetterStore;
import com.cpsync.console.application.port.OutcomeIndex;
import com.cpsync.console.domain.Retention;

/** Deletes what is older than the retention from the index; the audit of actions stays. */
public record PurgeExpired(OutcomeIndex outcomes, DeadLetterStore deadLetters, Retention retention, Clock clock) {

    public record Purged(Instant cutoff, int outcomes, int deadLetters) {
    }

    public Purged purge() {
        Instant cutoff = retention.cutoff(clock.instant());
        return new Purged(cutoff, outcomes.deleteBefore(cutoff), deadLetters.deleteBefore(cutoff));
    }
}
