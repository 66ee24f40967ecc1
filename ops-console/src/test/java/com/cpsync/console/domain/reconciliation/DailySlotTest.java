package com.cpsync.console.domain.reconciliation;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DailySlotTest {

    @Test
    void shouldKeepATenantsMinuteAndBeDueOnlyThen() {
        int minute = DailySlot.minuteOf("acme");
        Instant midnight = Instant.parse("2026-11-30T00:00:00Z");

        assertThat(DailySlot.minuteOf("acme")).isEqualTo(minute).isBetween(0, DailySlot.MINUTES_A_DAY - 1);
        assertThat(DailySlot.isDue("acme", midnight.plusSeconds(minute * 60L + 59))).isTrue();
        assertThat(DailySlot.isDue("acme", midnight.plusSeconds(((minute + 1) % DailySlot.MINUTES_A_DAY) * 60L)))
                .isFalse();
    }

    @Test
    void shouldSpreadTenantsOverTheDay() {
        Set<Integer> hours = new HashSet<>();
        IntStream.range(0, 500).forEach(i -> hours.add(DailySlot.minuteOf("tenant-" + i) / 60));

        assertThat(hours).hasSize(24);
    }
}
