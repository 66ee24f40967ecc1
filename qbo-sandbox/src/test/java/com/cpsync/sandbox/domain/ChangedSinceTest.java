package com.cpsync.sandbox.domain;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ChangedSinceTest {

    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

    @Test
    void shouldHonourAnOffset() {
        assertThat(ChangedSince.parse("2026-11-01T09:00:00-07:00", PACIFIC)).isEqualTo(Instant.parse("2026-11-01T16:00:00Z"));
        assertThat(ChangedSince.parse("2026-11-20T18:00:00Z", PACIFIC)).isEqualTo(Instant.parse("2026-11-20T18:00:00Z"));
    }

    @Test
    void shouldReadATimeWithoutOffsetInTheCompanysZone() {
        // 20 November: Pacific Standard Time, UTC-8
        assertThat(ChangedSince.parse("2026-11-20T10:00:00", PACIFIC)).isEqualTo(Instant.parse("2026-11-20T18:00:00Z"));
        assertThat(ChangedSince.parse("2026-11-20T10:00:00", ZoneId.of("Asia/Tokyo"))).isEqualTo(Instant.parse("2026-11-20T01:00:00Z"));
        assertThat(ChangedSince.parse("2026-11-20", PACIFIC)).isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
    }

    @Test
    void shouldReadAPlusThatArrivedAsASpace() {
        assertThat(ChangedSince.parse("2026-11-20T10:00:00 01:00", PACIFIC)).isEqualTo(Instant.parse("2026-11-20T09:00:00Z"));
    }

    @Test
    void shouldRefuseWhatIsNoDateTime() {
        assertThat(catchThrowableOfType(QboFault.class, () -> ChangedSince.parse("yesterday", PACIFIC)).details().code()).isEqualTo("2030");
    }
}
