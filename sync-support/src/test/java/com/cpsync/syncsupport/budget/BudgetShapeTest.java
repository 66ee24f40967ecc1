package com.cpsync.syncsupport.budget;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BudgetShapeTest {

    @Test
    void shouldNeverLetABurstAndAWindowsRefillTogetherExceedQbosLimits() {
        BudgetShape qbo = BudgetShape.of(10, 500, 40);

        assertThat(qbo.second().burst() + qbo.second().refill()).isEqualTo(10);
        assertThat(qbo.minute().burst() + qbo.minute().refill()).isEqualTo(500);
        assertThat(qbo.batches().burst() + qbo.batches().refill()).isEqualTo(40);
    }

    @Test
    void shouldSustainAtLeastNinetyFivePercentOfFiveHundredAMinute() {
        BudgetShape qbo = BudgetShape.of(10, 500, 40);

        long sustainedPerMinute = Math.min(qbo.second().refill() * 60L, qbo.minute().refill());

        assertThat(sustainedPerMinute).isEqualTo(480).isGreaterThanOrEqualTo(475);
    }

    @Test
    void shouldRefillOneTokenOfTheSecondEveryHundredAndTwentyFiveMilliseconds() {
        assertThat(BudgetShape.of(10, 500, 40).second().nanosPerToken()).isEqualTo(Duration.ofMillis(125).toNanos());
    }

    @Test
    void shouldShrinkOnlyTheMinuteWhenTheLimitAdapts() {
        BudgetShape lowered = BudgetShape.of(10, 500, 40).withRequestsPerMinute(50);

        assertThat(lowered.minute()).isEqualTo(new BudgetWindow(50, 2, Duration.ofMinutes(1)));
        assertThat(lowered.second().limit()).isEqualTo(10);
        assertThat(lowered.batches().limit()).isEqualTo(40);
    }

    @Test
    void shouldRefuseAWindowWithoutRoomToRefill() {
        assertThatThrownBy(() -> new BudgetWindow(5, 5, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
