package com.cpsync.deploy.chaos;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuiescenceTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private final Quiescence quiescence = new Quiescence(Duration.ofSeconds(30));

    @Test
    void shouldSettleOnceNothingChangedForTheQuietPeriodWithoutLag() {
        assertSettledAtTheLastOnly(seen(0, "a"), seen(29, "a"), seen(30, "a"));
    }

    @Test
    void shouldStartTheQuietPeriodAgainOnEveryChange() {
        assertSettledAtTheLastOnly(seen(0, "a"), seen(20, "b"), seen(40, "b"), seen(50, "b"));
    }

    @Test
    void shouldNotSettleWhileAConsumerGroupLags() {
        assertSettledAtTheLastOnly(lagging(0, 3), lagging(300, 3), seen(301, "a"));
    }

    @Test
    void shouldSettleSoonerOnceTheAuditIsClean() {
        assertSettledAtTheLastOnly(clean(0), clean(10));
    }

    @Test
    void shouldWaitLongerThanTheCdcInterval() {
        assertThat(Quiescence.quietPeriodFor(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(70));
        assertThat(Quiescence.quietPeriodFor(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(20));
    }

    /** What the settling loop sees at a second after T0: the snapshots' fingerprint, the lag, whether the audit is clean. */
    private record Observation(long second, String fingerprint, long lag, boolean clean) {
    }

    private static Observation seen(long second, String fingerprint) {
        return new Observation(second, fingerprint, 0, false);
    }

    private static Observation lagging(long second, long lag) {
        return new Observation(second, "a", lag, false);
    }

    private static Observation clean(long second) {
        return new Observation(second, "a", 0, true);
    }

    /** Feeds the observations in order: none but the last one settles, the last one does. */
    private void assertSettledAtTheLastOnly(Observation... observations) {
        for (int i = 0; i < observations.length; i++) {
            Observation seen = observations[i];
            assertThat(quiescence.observe(T0.plusSeconds(seen.second()), seen.fingerprint(), seen.lag(), seen.clean()))
                    .as("settled at second %d", seen.second()).isEqualTo(i == observations.length - 1);
        }
    }
}
