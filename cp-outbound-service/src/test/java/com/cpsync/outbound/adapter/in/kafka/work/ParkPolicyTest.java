package com.cpsync.outbound.adapter.in.kafka.work;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.cpsync.outbound.application.port.TenantMustWait;
import com.cpsync.outbound.application.port.WaitReason;

import static org.assertj.core.api.Assertions.assertThat;

class ParkPolicyTest {

    private final ParkPolicy policy = new ParkPolicy(Duration.ofSeconds(60), Duration.ofMillis(200),
            Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(15));

    @Test
    void shouldWaitSixtySecondsAfterAThrottleWithoutRetryAfter() {
        assertThat(policy.waitFor(wait(WaitReason.THROTTLED, null), 0)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void shouldHonourRetryAfterOfAThrottle() {
        assertThat(policy.waitFor(wait(WaitReason.THROTTLED, Duration.ofSeconds(7)), 3))
                .isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void shouldPollADisconnectedTenantAtTheConfiguredInterval() {
        assertThat(policy.waitFor(wait(WaitReason.DISCONNECTED, null), 9)).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void shouldRetryABusyRealmSoon() {
        assertThat(policy.waitFor(wait(WaitReason.REALM_BUSY, null), 0)).isEqualTo(Duration.ofMillis(200));
    }

    /** A failing realm backs off from the base, a busy one from the wait it asked for: doubling up to the maximum. */
    @ParameterizedTest(name = "{0} with hint {1} ms, attempt {2}: waits {3} ms")
    @CsvSource(nullValues = "none", textBlock = """
            FAILING,    none, 0,  1000
            FAILING,    none, 1,  2000
            FAILING,    none, 3,  8000
            FAILING,    none, 20, 30000
            REALM_BUSY, 300,  0,  300
            REALM_BUSY, 300,  1,  600
            REALM_BUSY, 300,  2,  1200
            REALM_BUSY, 300,  30, 30000
            """)
    void shouldBackOffExponentiallyUpToTheMaximumWhileARealmFailsOrIsStillBusy(WaitReason reason, Long hintMillis,
            int attempt, long expectedMillis) {
        TenantMustWait refused = wait(reason, hintMillis == null ? null : Duration.ofMillis(hintMillis));

        assertThat(policy.waitFor(refused, attempt)).isEqualTo(Duration.ofMillis(expectedMillis));
    }

    @Test
    void shouldNeverWaitLongerForABusyRealmThanForAThrottledOne() {
        ParkPolicy production = new ParkPolicy(Duration.ofSeconds(60), Duration.ofMillis(200), Duration.ofSeconds(1),
                Duration.ofMinutes(5), Duration.ofSeconds(30));

        assertThat(production.waitFor(wait(WaitReason.REALM_BUSY, Duration.ofMillis(125)), 20))
                .isEqualTo(Duration.ofSeconds(60));
        assertThat(production.waitFor(wait(WaitReason.FAILING, null), 20)).isEqualTo(Duration.ofMinutes(5));
    }

    private static TenantMustWait wait(WaitReason reason, Duration hint) {
        return new TenantMustWait(reason, hint, "test", null);
    }
}
