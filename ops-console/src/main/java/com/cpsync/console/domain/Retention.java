package com.cpsync.console.domain;

import java.time.Duration;
import java.time.Instant;

/** How long the index keeps outcomes and dead letters (the audit of actions is kept). */
public record Retention(Duration keep) {

    public Retention {
        if (keep == null || keep.isNegative() || keep.isZero()) {
            throw new IllegalArgumentException("the retention must be a positive duration but was " + keep);
        }
    }

    /** Anything that happened before this is deleted. */
    public Instant cutoff(Instant now) {
        return now.minus(keep);
    }
}
