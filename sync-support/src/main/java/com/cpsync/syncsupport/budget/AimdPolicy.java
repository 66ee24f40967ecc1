package com.cpsync.syncsupport.budget;

import java.time.Duration;

/**
 * Additive increase, multiplicative decrease of a realm's minute limit. A 429 means someone else spends the
 * realm's budget too: halve (not below {@code floor}); the 429s of calls already in flight arrive together, so
 * one halving per {@code cooldown} counts them once. Each quiet {@code quietPeriod} since the last change gives
 * back {@code step}, up to {@code ceiling}.
 */
public record AimdPolicy(int ceiling, int floor, int step, Duration quietPeriod, Duration cooldown) {

    public AimdPolicy {
        if (floor < 2 || floor > ceiling || step < 1) {
            throw new IllegalArgumentException("AIMD needs 2 <= floor <= ceiling and a positive step");
        }
    }

    /** QBO's 500/min, down to 50, back by 50 a quiet minute; QBO asks a throttled app to wait 60 s. */
    public static AimdPolicy of(int ceiling, int floor, int step) {
        return new AimdPolicy(ceiling, floor, step, Duration.ofMinutes(1), Duration.ofSeconds(60));
    }

    public AimdLevel afterThrottle(AimdLevel level, long nowMillis) {
        if (level.decreasedAtMillis() > 0 && nowMillis - level.decreasedAtMillis() < cooldown.toMillis()) {
            return level;
        }
        int halved = Math.max(floor, level.perMinute() / 2);
        return halved == level.perMinute() ? level : new AimdLevel(halved, nowMillis, nowMillis);
    }

    /** One {@code step} for each whole quiet period since the last change. */
    public AimdLevel recovered(AimdLevel level, long nowMillis) {
        long quietPeriods = (nowMillis - level.changedAtMillis()) / quietPeriod.toMillis();
        if (level.perMinute() >= ceiling || quietPeriods < 1) {
            return level;
        }
        int raised = (int) Math.min(ceiling, level.perMinute() + quietPeriods * step);
        return new AimdLevel(raised, level.decreasedAtMillis(),
                level.changedAtMillis() + quietPeriods * quietPeriod.toMillis());
    }
}
