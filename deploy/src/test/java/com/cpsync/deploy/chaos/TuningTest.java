package com.cpsync.deploy.chaos;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TuningTest {

    @Test
    void shouldReadTheServicesSettingsFromTheEnvironmentOrTakeTheirDefaults() {
        assertThat(Tuning.from(Map.of("QBO_CDC_INTERVAL", "10s", "APP_QBO_REQUESTTIMEOUT", "8s")))
                .isEqualTo(new Tuning(Duration.ofSeconds(10), Duration.ofSeconds(8)));
        assertThat(Tuning.from(Map.of())).isEqualTo(new Tuning(Duration.ofSeconds(60), Duration.ofSeconds(60)));
    }

    @Test
    void shouldMakeLateRepliesComeAfterTheClientGaveUp() {
        assertThat(new Tuning(Duration.ofSeconds(10), Duration.ofSeconds(8)).lateReplyMs()).isEqualTo(9000);
    }

    @Test
    void shouldReadSpringsShortDurations() {
        assertThat(Tuning.duration("500ms", null)).isEqualTo(Duration.ofMillis(500));
        assertThat(Tuning.duration("2m", null)).isEqualTo(Duration.ofMinutes(2));
        assertThat(Tuning.duration("15", null)).isEqualTo(Duration.ofSeconds(15));
        assertThatThrownBy(() -> Tuning.duration("soon", null)).hasMessageContaining("'soon'");
    }
}
