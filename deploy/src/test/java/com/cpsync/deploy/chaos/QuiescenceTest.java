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
        assertThat(quiescence.observe(T0, "a", 0, false)).isFalse();
        assertThat(quiescence.observe(T0.plusSeconds(29), "a", 0, false)).isFalse();
        assertThat(quiescence.observe(T0.plusSeconds(30), "a", 0, false)).isTrue();
    }

    @Test
    void shouldStartTheQuietPeriodAgainOnEveryChange() {
        quiescence.observe(T0, "a", 0, false);
        assertThat(quiescence.observe(T0.plusSeconds(20), "b", 0, false)).isFalse();
        assertThat(quiescence.observe(T0.plusSeconds(40), "b", 0, false)).isFalse();
        assertThat(quiescence.observe(T0.plusSeconds(50), "b", 0, false)).isTrue();
    }

    @Test
    void shouldNotSettleWhileAConsumerGroupLags() {
        quiescence.observe(T0, "a", 3, false);
        assertThat(quiescence.observe(T0.plusSeconds(300), "a", 3, false)).isFalse();
        assertThat(quiescence.observe(T0.plusSeconds(301), "a", 0, false)).isTrue();
    }

    @Test
    void shouldSettleSoonerOnceTheAuditIsClean() {
        quiescence.observe(T0, "a", 0, true);
        assertThat(quiescence.observe(T0.plusSeconds(10), "a", 0, true)).isTrue();
    }

    @Test
    void shouldWaitLongerThanTheCdcInterval() {
        assertThat(Quiescence.quietPeriodFor(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(70));
        assertThat(Quiescence.quietPeriodFor(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(20));
    }
}
