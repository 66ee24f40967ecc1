package com.cpsync.inbound.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which realms are parked after a transient failure. While a realm is parked, its changes of later
 * batches go straight to the retry topic, the retry topic does not call QBO for it, and the CDC poller
 * skips it, so a failing tenant never holds up the others and a throttled realm is not called again
 * before its wait is over. Parking grows exponentially with consecutive failures, and never ends before
 * the wait the failure asks for (QBO's Retry-After, or 60 s for a throttle without one).
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
        return remaining(realmId).isZero() ? Route.PROCESS : Route.RETRY_LATER;
    }

    /** How long the realm stays parked from now; zero when it is not parked (any more). */
    public Duration remaining(String realmId) {
        Parked entry = parked.get(realmId);
        Instant now = clock.instant();
        return entry != null && now.isBefore(entry.until()) ? Duration.between(now, entry.until()) : Duration.ZERO;
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
