package com.cpsync.qbo.client;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Time that only moves when told to, or when the code under test "sleeps". */
final class FakeTimeSource implements TimeSource {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final AtomicLong slept = new AtomicLong();

    @Override
    public long nanoTime() {
        return now.get();
    }

    @Override
    public void sleepNanos(long nanos) {
        slept.addAndGet(nanos);
        now.addAndGet(nanos);
    }

    void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    Duration slept() {
        return Duration.ofNanos(slept.get());
    }
}
