package com.cpsync.qbo.client;

/**
 * A realm's QBO request budget, taken before every call. {@link RealmRateLimiter} keeps it in this JVM (the
 * default); sync-support's {@code PostgresRealmBudget} shares one per realm among every service and instance.
 * Blocks for a bounded time, then throws {@link RealmBusyException} (no request was sent).
 */
public interface RealmBudget {

    /** A permit for one call; close it (try-with-resources) when the call ends. */
    Permit acquire(String realmId, CallPriority priority, boolean batch);

    /** QBO throttled the realm anyway (someone else spends its budget): a budget that adapts shrinks here. */
    default void onThrottled(String realmId) {
    }

    /** One granted call; closing frees its concurrency slot (idempotent, never throws). */
    interface Permit extends AutoCloseable {

        @Override
        void close();
    }
}
