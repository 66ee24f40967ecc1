package com.cpsync.inbound.domain.webhook;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class LenientTimestampsTest {

    @ParameterizedTest
    @CsvSource({
            "2015-10-05T14:42:19-0700, 2015-10-05T21:42:19Z",
            "2015-10-05T14:42:19-07:00, 2015-10-05T21:42:19Z",
            "2025-09-08T20:52:31.657Z, 2025-09-08T20:52:31.657Z",
            "2025-09-08T20:52:31Z, 2025-09-08T20:52:31Z",
            "1757364751657, 2025-09-08T20:52:31.657Z"
    })
    void shouldReadEveryShapeQboSends(String text, String expected) {
        assertThat(LenientTimestamps.parse(text)).contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource({"yesterday", "2025-13-45T00:00:00Z", "''", "99999999999999999999"})
    void shouldGiveNothingForUnreadableText(String text) {
        assertThat(LenientTimestamps.parse(text)).isEmpty();
    }
}
