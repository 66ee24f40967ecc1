package com.cpsync.qbo.client;

import java.util.concurrent.locks.LockSupport;

/** Monotonic time and waiting, injectable so the rate limiter can be tested without sleeping. */
public interface TimeSource {

    /** The JVM's monotonic clock. */
    TimeSource SYSTEM = new TimeSource() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepNanos(long nanos) {
            LockSupport.parkNanos(nanos);
        }
    };

    long nanoTime();

    void sleepNanos(long nanos);
}
