package com.cpsync.syncsupport.budget;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AimdPolicyTest {

    private static final long MINUTE = Duration.ofMinutes(1).toMillis();
    private static final long START = 1_795_000_000_000L;

    private final AimdPolicy policy = AimdPolicy.of(500, 50, 50);
    private long now = START;

    @Test
    void shouldHalveTheMinuteLimitOnAThrottle() {
        AimdLevel lowered = policy.afterThrottle(AimdLevel.full(500), now);

        assertThat(lowered).isEqualTo(new AimdLevel(250, now, now));
    }

    @Test
    void shouldCountTheThrottlesOfCallsAlreadyInFlightOnce() {
        AimdLevel lowered = policy.afterThrottle(AimdLevel.full(500), now);
        now += Duration.ofSeconds(2).toMillis();

        assertThat(policy.afterThrottle(lowered, now)).isEqualTo(lowered);
    }

    @Test
    void shouldHalveAgainWhenThrottledAfterTheCooldown() {
        AimdLevel lowered = policy.afterThrottle(AimdLevel.full(500), now);
        now += MINUTE;

        assertThat(policy.afterThrottle(lowered, now).perMinute()).isEqualTo(125);
    }

    @Test
    void shouldNotGoBelowTheFloor() {
        AimdLevel level = new AimdLevel(60, 0, 0);

        assertThat(policy.afterThrottle(level, now).perMinute()).isEqualTo(50);
        assertThat(policy.afterThrottle(new AimdLevel(50, 0, 0), now).perMinute()).isEqualTo(50);
    }

    @Test
    void shouldStayLowWithinTheFirstQuietMinute() {
        AimdLevel lowered = policy.afterThrottle(AimdLevel.full(500), now);
        now += MINUTE - 1;

        assertThat(policy.recovered(lowered, now)).isEqualTo(lowered);
    }

    @Test
    void shouldGiveBackOneStepForEachQuietMinute() {
        AimdLevel lowered = policy.afterThrottle(AimdLevel.full(500), now);
        now += MINUTE;
        AimdLevel once = policy.recovered(lowered, now);
        now += 2 * MINUTE + 10;
        AimdLevel thrice = policy.recovered(once, now);

        assertThat(once.perMinute()).isEqualTo(300);
        assertThat(thrice.perMinute()).isEqualTo(400);
        assertThat(thrice.changedAtMillis()).isEqualTo(START + 3 * MINUTE);
    }

    @Test
    void shouldRecoverNoHigherThanTheCeiling() {
        AimdLevel lowered = policy.afterThrottle(AimdLevel.full(500), now);
        now += 30 * MINUTE;

        AimdLevel recovered = policy.recovered(lowered, now);

        assertThat(recovered.perMinute()).isEqualTo(500);
        assertThat(policy.recovered(recovered, now + MINUTE)).isEqualTo(recovered);
    }

    @Test
    void shouldKeepTheLevelInTheBucketsWindowId() {
        AimdLevel level = new AimdLevel(250, START, START + MINUTE);

        assertThat(AimdLevel.fromId(level.toId())).hasValue(level);
        assertThat(AimdLevel.fromId("second")).isEmpty();
        assertThat(AimdLevel.fromId("minute:x:1:2")).isEmpty();
    }
}
