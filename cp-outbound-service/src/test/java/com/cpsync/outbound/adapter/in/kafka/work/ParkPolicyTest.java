package com.cpsync.outbound.adapter.in.kafka.work;

import java.time.Duration;

import org.junit.jupiter.api.Test;

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
    void shouldBackOffExponentiallyWhileARealmFailsUpToTheMaximum() {
        TenantMustWait failing = wait(WaitReason.FAILING, null);
        assertThat(policy.waitFor(failing, 0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.waitFor(failing, 1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.waitFor(failing, 3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(policy.waitFor(failing, 20)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shouldPollADisconnectedTenantAtTheConfiguredInterval() {
        assertThat(policy.waitFor(wait(WaitReason.DISCONNECTED, null), 9)).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void shouldRetryABusyRealmSoon() {
        assertThat(policy.waitFor(wait(WaitReason.REALM_BUSY, null), 0)).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void shouldWaitLongerEachTimeARealmIsStillBusySoARetriedEventFitsItsWindow() {
        TenantMustWait busy = wait(WaitReason.REALM_BUSY, Duration.ofMillis(300));

        assertThat(policy.waitFor(busy, 0)).isEqualTo(Duration.ofMillis(300));
        assertThat(policy.waitFor(busy, 1)).isEqualTo(Duration.ofMillis(600));
        assertThat(policy.waitFor(busy, 2)).isEqualTo(Duration.ofMillis(1200));
        assertThat(policy.waitFor(busy, 30)).isEqualTo(Duration.ofSeconds(30));
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
