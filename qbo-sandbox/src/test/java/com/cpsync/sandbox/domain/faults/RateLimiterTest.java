package com.cpsync.sandbox.domain.faults;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

    private final Instant t0 = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void shouldAdmitTenPerSecondThenRefuseUntilTheSecondPasses() {
        RateLimiter limiter = new RateLimiter();
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAcquire(t0, 10, 500)).isEmpty();
        }
        assertThat(limiter.tryAcquire(t0, 10, 500)).isPresent();
        assertThat(limiter.tryAcquire(t0.plus(Duration.ofSeconds(1)), 10, 500)).isEmpty();
    }

    @Test
    void shouldRefuseThe501stRequestWithinAMinute() {
        RateLimiter limiter = new RateLimiter();
        for (int i = 0; i < 500; i++) {
            assertThat(limiter.tryAcquire(t0.plusMillis(i * 100L), 10, 500)).isEmpty();
        }
        assertThat(limiter.tryAcquire(t0.plusSeconds(50), 10, 500)).isPresent();
        assertThat(limiter.tryAcquire(t0.plusSeconds(61), 10, 500)).isEmpty();
    }
}
