package com.cpsync.qbo.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RealmRateLimiterTest {

    private final FakeTimeSource time = new FakeTimeSource();
    private final RealmRateLimiter limiter = new RealmRateLimiter(RealmLimits.qboDefaults(), time);

    @Test
    void shouldRefuseEleventhRequestInOneSecondWithTheWait() {
        startAndFinish("9341", 10);

        RealmBusyException busy = catchThrowableOfType(RealmBusyException.class, () -> limiter.acquire("9341"));

        assertThat(busy).hasMessageContaining("QBO realm 9341 is busy");
        assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(time.slept()).isZero();
    }

    @Test
    void shouldWaitBrieflyWhenAPermitFreesWithinMaxWait() {
        startAndFinish("9341", 10);
        time.advance(Duration.ofMillis(900));

        limiter.acquire("9341").close();

        assertThat(time.slept()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void shouldEnforceRequestsPerMinute() {
        RealmRateLimiter perMinute = new RealmRateLimiter(new RealmLimits(10, 20, 10, 40, Duration.ofMillis(250)), time);
        for (int i = 0; i < 20; i++) {
            perMinute.acquire("9341").close();
            time.advance(Duration.ofMillis(500));
        }

        RealmBusyException busy = catchThrowableOfType(RealmBusyException.class, () -> perMinute.acquire("9341"));

        // the first of the 20 started 10 s ago: it leaves the minute window in 50 s
        assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(50));
    }

    @Test
    void shouldCapConcurrentRequestsAndFreeTheSlotOnClose() {
        List<RealmRateLimiter.Permit> inFlight = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            inFlight.add(limiter.acquire("9341"));
            time.advance(Duration.ofMillis(200));
        }

        RealmBusyException busy = catchThrowableOfType(RealmBusyException.class, () -> limiter.acquire("9341"));
        assertThat(busy).hasMessageContaining("concurrent");
        assertThat(busy.retryAfter()).isPositive();
        assertThat(time.slept()).isEqualTo(Duration.ofMillis(250));

        inFlight.get(0).close();
        inFlight.get(0).close();
        time.advance(Duration.ofSeconds(1));
        limiter.acquire("9341");
        assertThatThrownBy(() -> limiter.acquire("9341")).isInstanceOf(RealmBusyException.class);
    }

    @Test
    void shouldEnforceBatchesPerMinuteOnlyForBatches() {
        RealmRateLimiter batches = new RealmRateLimiter(new RealmLimits(100, 500, 100, 2, Duration.ZERO), time);
        batches.acquireBatch("9341").close();
        batches.acquireBatch("9341").close();

        assertThatThrownBy(() -> batches.acquireBatch("9341")).isInstanceOf(RealmBusyException.class);
        batches.acquire("9341").close();
    }

    @Test
    void shouldKeepRealmsIndependent() {
        startAndFinish("9341", 10);

        limiter.acquire("7777").close();

        assertThatThrownBy(() -> limiter.acquire("9341")).isInstanceOf(RealmBusyException.class);
    }

    private void startAndFinish(String realmId, int count) {
        for (int i = 0; i < count; i++) {
            limiter.acquire(realmId).close();
        }
    }
}
