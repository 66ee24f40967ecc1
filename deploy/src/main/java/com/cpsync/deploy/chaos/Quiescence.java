package com.cpsync.deploy.chaos;

import java.time.Duration;
import java.time.Instant;

/**
 * When a chaos run has settled: no consumer group lags (every record handed out has been committed)
 * and what QBO and Centerpoint hold has not changed for a quiet period. The quiet period is longer
 * than the CDC interval, so a change whose webhook was dropped has had its poll; once the audit is
 * clean a shorter one will do.
 */
final class Quiescence {

    private static final Duration CLEAN_QUIET = Duration.ofSeconds(10);

    private final Duration quietPeriod;
    private String lastFingerprint;
    private Instant unchangedSince;

    Quiescence(Duration quietPeriod) {
        this.quietPeriod = quietPeriod;
    }

    /** @return true once settled */
    boolean observe(Instant now, String fingerprint, long lag, boolean clean) {
        if (!fingerprint.equals(lastFingerprint)) {
            lastFingerprint = fingerprint;
            unchangedSince = now;
        }
        Duration needed = clean && CLEAN_QUIET.compareTo(quietPeriod) < 0 ? CLEAN_QUIET : quietPeriod;
        return lag == 0 && !Duration.between(unchangedSince, now).minus(needed).isNegative();
    }

    /** Long enough for a dropped webhook's change to come by CDC, and never under 20 s. */
    static Duration quietPeriodFor(Duration cdcInterval) {
        Duration period = cdcInterval.plusSeconds(10);
        return period.compareTo(Duration.ofSeconds(20)) < 0 ? Duration.ofSeconds(20) : period;
    }
}
