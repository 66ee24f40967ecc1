package com.cpsync.inbound.adapter.in.kafka;

import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * The retry topic's back-off for one record: the container's own exponential back-off, but never
 * shorter than the rest of the record's realm parking (a throttled realm waits QBO's 60 s), and never
 * longer than {@code cap} at a time, so the consumer polls well within {@code max.poll.interval.ms}.
 * A record delivered again while its realm is still parked is not sent to QBO (it meets
 * {@code RealmParkedException}) and simply waits once more.
 */
public class RealmParkingBackOff implements BackOff {

    private final BackOff delegate;
    private final Supplier<Duration> parkedFor;
    private final Duration cap;

    /** @param parkedFor the rest of the realm's parking, zero when it is not parked */
    public RealmParkingBackOff(BackOff delegate, Supplier<Duration> parkedFor, Duration cap) {
        this.delegate = delegate;
        this.parkedFor = parkedFor;
        this.cap = cap;
    }

    @Override
    public BackOffExecution start() {
        BackOffExecution execution = delegate.start();
        return () -> {
            long next = execution.nextBackOff();
            if (next == BackOffExecution.STOP) {
                return BackOffExecution.STOP;
            }
            return Math.min(Math.max(next, parkedFor.get().toMillis()), Math.max(next, cap.toMillis()));
        };
    }
}
