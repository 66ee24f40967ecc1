package com.cpsync.inbound.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which realms are parked after a transient failure. While a realm is parked, its changes of later
 * batches go straight to the retry topic, so a failing tenant never holds up the others on the main
 * topic. Parking grows exponentially with consecutive failures, and never ends before QBO's Retry-After.
 */
public class RealmParking {

    public enum Route { PROCESS, RETRY_LATER }

    private record Parked(int failures, Instant until) {
    }

    private final Clock clock;
    private final Duration initial;
    private final Duration max;
    private final double multiplier;
    private final Map<String, Parked> parked = new ConcurrentHashMap<>();

    public RealmParking(Clock clock, Duration initial, Duration max, double multiplier) {
        this.clock = clock;
        this.initial = initial;
        this.max = max;
        this.multiplier = multiplier;
    }

    public Route route(String realmId) {
        Parked entry = parked.get(realmId);
        return entry != null && clock.instant().isBefore(entry.until()) ? Route.RETRY_LATER : Route.PROCESS;
    }

    /** Parks the realm after a transient failure; returns for how long. */
    public Duration park(String realmId, Optional<Duration> retryAfter) {
        Parked before = parked.get(realmId);
        int failures = before == null ? 1 : before.failures() + 1;
        double millis = initial.toMillis() * Math.pow(multiplier, failures - 1);
        Duration backoff = Duration.ofMillis((long) Math.min(millis, max.toMillis()));
        if (retryAfter.isPresent() && retryAfter.get().compareTo(backoff) > 0) {
            backoff = retryAfter.get();
        }
        parked.put(realmId, new Parked(failures, clock.instant().plus(backoff)));
        return backoff;
    }

    /** The realm was processed successfully: the next failure starts from the initial back-off again. */
    public void recovered(String realmId) {
        parked.remove(realmId);
    }
}
