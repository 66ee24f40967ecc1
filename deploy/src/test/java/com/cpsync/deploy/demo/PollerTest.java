package com.cpsync.deploy.demo;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.cpsync.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PollerTest {

    /** Each pause moves the clock instead of waiting, so the tests never wait. */
    private final MutableClock clock = new MutableClock();
    private final Poller poller = new Poller(clock, Duration.ofMillis(500), clock::advance);

    @Test
    void shouldReturnWhatTheProbeSeesOnceItAppears() {
        AtomicInteger calls = new AtomicInteger();

        String seen = poller.await("customer", Duration.ofSeconds(10),
                () -> calls.incrementAndGet() < 3 ? Optional.empty() : Optional.of("customer 58"));

        assertThat(seen).isEqualTo("customer 58");
        assertThat(calls).hasValue(3);
    }

    @Test
    void shouldTreatAFailingProbeAsNotYetAndReportItsLastProblemOnTimeout() {
        assertThatThrownBy(() -> poller.await("QBO customer 'Acme'", Duration.ofSeconds(2), () -> {
            throw new ExpectationNotMetException("GET http://localhost:8090 failed: connection refused");
        })).isInstanceOf(ExpectationNotMetException.class)
                .hasMessage("QBO customer 'Acme': not observed within 2 s (GET http://localhost:8090 failed: connection refused)");
    }

    @Test
    void shouldStopAtTheTimeout() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> poller.await("outcome", Duration.ofSeconds(2), () -> {
            calls.incrementAndGet();
            return Optional.empty();
        })).hasMessageContaining("outcome: not observed within 2 s (nothing matching yet)");
        assertThat(calls).hasValue(5);
    }
}
