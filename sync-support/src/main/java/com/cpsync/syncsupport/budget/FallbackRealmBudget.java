package com.cpsync.syncsupport.budget;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cpsync.qbo.client.CallPriority;
import com.cpsync.qbo.client.RealmBudget;
import com.cpsync.qbo.client.RealmBusyException;

/**
 * The shared budget while its database answers, this JVM's own limiter while it does not: an unreachable
 * database must not stop every realm's sync. A refusal of the shared budget ({@link RealmBusyException}) is an
 * answer, not a failure, and is passed on.
 */
public final class FallbackRealmBudget implements RealmBudget {

    private static final Logger log = LoggerFactory.getLogger(FallbackRealmBudget.class);
    private static final Duration WARN_EVERY = Duration.ofMinutes(1);

    private final RealmBudget shared;
    private final RealmBudget inJvm;
    private final Clock clock;
    private final AtomicLong lastWarnedMillis = new AtomicLong(Long.MIN_VALUE);

    public FallbackRealmBudget(RealmBudget shared, RealmBudget inJvm, Clock clock) {
        this.shared = shared;
        this.inJvm = inJvm;
        this.clock = clock;
    }

    @Override
    public Permit acquire(String realmId, CallPriority priority, boolean batch) {
        try {
            return shared.acquire(realmId, priority, batch);
        }
        catch (RealmBusyException busy) {
            throw busy;
        }
        catch (RuntimeException unavailable) {
            warn(realmId, unavailable);
            return inJvm.acquire(realmId, priority, batch);
        }
    }

    @Override
    public void onThrottled(String realmId) {
        inJvm.onThrottled(realmId);
        try {
            shared.onThrottled(realmId);
        }
        catch (RuntimeException unavailable) {
            warn(realmId, unavailable);
        }
    }

    /** At most once a minute: a database outage would otherwise log every call. */
    private void warn(String realmId, RuntimeException unavailable) {
        long now = clock.millis();
        long last = lastWarnedMillis.get();
        if ((last == Long.MIN_VALUE || now - last >= WARN_EVERY.toMillis()) && lastWarnedMillis.compareAndSet(last, now)) {
            log.warn("the shared QBO budget is unavailable (realm {}): this instance uses its own limiter until it"
                    + " answers again: {}", realmId, unavailable.toString());
        }
    }
}
