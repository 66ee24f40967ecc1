package com.cpsync.deploy.chaos;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChaosOptionsTest {

    @Test
    void shouldTakeTheCiSizedRunByDefault() {
        assertThat(ChaosOptions.parse(List.of())).isEqualTo(ChaosOptions.defaults());
    }

    @Test
    void shouldReadEventsTenantsAndSeedInBothForms() {
        ChaosOptions options = ChaosOptions.parse(List.of("--events", "10000", "--tenants=50", "--seed", "1", "--rate=20",
                "--settle-seconds", "600"));

        assertThat(options).isEqualTo(new ChaosOptions(10000, 50, 1, 20.0, Duration.ofSeconds(600)));
    }

    @Test
    void shouldRefuseWhatItDoesNotKnowOrCannotRead() {
        assertThatThrownBy(() -> ChaosOptions.parse(List.of("--event", "5"))).hasMessageContaining("unknown option '--event'");
        assertThatThrownBy(() -> ChaosOptions.parse(List.of("--events", "0"))).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> ChaosOptions.parse(List.of("--seed", "x"))).hasMessageContaining("whole number");
        assertThatThrownBy(() -> ChaosOptions.parse(List.of("--tenants"))).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> ChaosOptions.parse(List.of("--rate", "-1"))).hasMessageContaining("positive number");
    }
}
