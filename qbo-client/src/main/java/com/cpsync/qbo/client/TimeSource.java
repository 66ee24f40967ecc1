package com.cpsync.qbo.client;

import java.util.concurrent.locks.LockSupport;

/** Monotonic time and waiting, injectable so the rate limiter can be tested without sleeping. */
@FunctionalInterface
public interface TimeSource {

    /** The JVM's monotonic clock. */
    TimeSource SYSTEM = System::nanoTime;

    long nanoTime();

    /** Waits by parking the thread; a test's source moves its own time instead. */
    default void sleepNanos(long nanos) {
        LockSupport.parkNanos(nanos);
    }
}
