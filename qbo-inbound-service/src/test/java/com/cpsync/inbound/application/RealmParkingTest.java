package com.cpsync.inbound.application;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.cpsync.inbound.application.RealmParking.Route;
import com.cpsync.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class RealmParkingTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T04:00:00Z"));
    private final RealmParking parking = new RealmParking(clock, Duration.ofSeconds(1), Duration.ofSeconds(10), 2.0);

    @Test
    void shouldProcessARealmThatNeverFailed() {
        assertThat(parking.route("r1")).isEqualTo(Route.PROCESS);
    }

    @Test
    void shouldSendAParkedRealmToTheRetryTopicUntilItsBackOffEndsWithoutTouchingOtherRealms() {
        assertThat(parking.park("r1", Optional.empty())).isEqualTo(Duration.ofSeconds(1));

        assertThat(parking.route("r1")).isEqualTo(Route.RETRY_LATER);
        assertThat(parking.route("r2")).isEqualTo(Route.PROCESS);
        clock.advance(Duration.ofMillis(999));
        assertThat(parking.route("r1")).isEqualTo(Route.RETRY_LATER);
        clock.advance(Duration.ofMillis(1));
        assertThat(parking.route("r1")).isEqualTo(Route.PROCESS);
    }

    @Test
    void shouldDoubleTheParkingWithEachConsecutiveFailureUpToTheMaximum() {
        assertThat(parking.park("r1", Optional.empty())).isEqualTo(Duration.ofSeconds(1));
        assertThat(parking.park("r1", Optional.empty())).isEqualTo(Duration.ofSeconds(2));
        assertThat(parking.park("r1", Optional.empty())).isEqualTo(Duration.ofSeconds(4));
        assertThat(parking.park("r1", Optional.empty())).isEqualTo(Duration.ofSeconds(8));
        assertThat(parking.park("r1", Optional.empty())).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void shouldHonourALongerRetryAfterOfQbo() {
        assertThat(parking.park("r1", Optional.of(Duration.ofSeconds(30)))).isEqualTo(Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(29));

        assertThat(parking.route("r1")).isEqualTo(Route.RETRY_LATER);
    }

    @Test
    void shouldStartAgainFromTheInitialBackOffOnceTheRealmRecovered() {
        parking.park("r1", Optional.empty());
        parking.park("r1", Optional.empty());
        parking.recovered("r1");

        assertThat(parking.route("r1")).isEqualTo(Route.PROCESS);
        assertThat(parking.park("r1", Optional.empty())).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void shouldTellHowMuchOfAParkingIsLeft() {
        parking.park("r1", Optional.of(Duration.ofSeconds(60)));
        clock.advance(Duration.ofSeconds(45));

        assertThat(parking.remaining("r1")).isEqualTo(Duration.ofSeconds(15));
        assertThat(parking.remaining("r2")).isZero();
        clock.advance(Duration.ofSeconds(15));
        assertThat(parking.remaining("r1")).isZero();
    }
}
