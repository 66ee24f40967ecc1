package com.cpsync.console.domain;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetentionTest {

    @Test
    void shouldCutOffWhatIsOlderThanTheRetention() {
        Retention retention = new Retention(Duration.ofDays(90));

        assertThat(retention.cutoff(Instant.parse("2026-05-01T00:00:00Z")))
                .isEqualTo(Instant.parse("2026-01-31T00:00:00Z"));
    }

    @Test
    void shouldRefuseARetentionThatWouldDeleteEverything() {
        assertThatThrownBy(() -> new Retention(Duration.ZERO)).hasMessageContaining("positive");
        assertThatThrownBy(() -> new Retention(null)).hasMessageContaining("positive");
    }
}
