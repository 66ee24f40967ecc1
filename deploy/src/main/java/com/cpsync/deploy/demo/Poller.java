package com.cpsync.deploy.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Awaitility-like polling: asks a probe until it sees what it waits for or the timeout passes.
 * A probe that throws (a service still starting) counts as "not yet", and its last message is
 * reported when time runs out.
 */
public record Poller(Clock clock, Duration interval, Pause pause) {

    /** Waits between probes; tests replace it so they need not wait. */
    public interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    public static Poller standard() {
        return new Poller(Clock.systemUTC(), Duration.ofMillis(500), duration -> Thread.sleep(duration.toMillis()));
    }

    public <T> T await(String expectation, Duration timeout, Supplier<Optional<T>> probe) {
        Instant deadline = clock.instant().plus(timeout);
        String lastProblem = "nothing matching yet";
        while (true) {
            try {
                Optional<T> seen = probe.get();
                if (seen.isPresent()) {
                    return seen.get();
                }
            }
            catch (RuntimeException ex) {
                lastProblem = ex.getMessage();
            }
            if (!clock.instant().isBefore(deadline)) {
                throw new ExpectationNotMetException(expectation + ": not observed within " + timeout.toSeconds()
                        + " s (" + lastProblem + ")");
            }
            try {
                pause.pause(interval);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new ExpectationNotMetException(expectation + ": interrupted while waiting");
            }
        }
    }
}
