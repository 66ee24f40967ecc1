package com.cpsync.outbound.adapter.in.kafka.waiting;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cpsync.outbound.adapter.in.kafka.work.WorkTrace;
import com.cpsync.schemas.avro.CenterpointEvent;

/**
 * Writes the records of tenants' backlogs ({@link WaitingRoom#atIntake}) to the waiting topic, in the order
 * the consumer read them, many sends in flight at once: the consumer hands a record over and reads on, so a
 * tenant's burst of thousands passes at the broker's pace and its neighbours' records behind it are read at once.
 * A record's offset completes once it is written.
 *
 * <p>When a send fails, the records of its partition from that one on are sent again, in order, after a pause;
 * those of them already written leave a copy ahead of the failed one, which the waiting room takes off unhandled
 * ({@link WaitingRoom#appendedOutOfTurn}). So a tenant's records come back in the order they were read.
 */
public class BacklogSpill implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BacklogSpill.class);
    private static final int MAX_PER_ROUND = 1000;
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    /** A record of a tenant's backlog, read from partition {@code partition} at {@code offset} of the events topic. */
    public record Spilled(String tenant, int partition, long offset, long epoch, CenterpointEvent value,
            Runnable commit, WorkTrace trace) {
    }

    private final WaitingRoom room;
    private final WaitingTopic topic;
    private final Clock clock;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final Deque<Spilled> queued = new ArrayDeque<>();
    private final Map<Integer, Integer> queuedByPartition = new HashMap<>();
    private final WaitingWrites writes;
    private final AtomicBoolean running = new AtomicBoolean();
    private Duration nextRetry;
    private Thread thread;

    public BacklogSpill(WaitingRoom room, WaitingTopic topic, WaitingWrites writes, Clock clock, Duration firstRetry,
            Duration maxRetry) {
        this.writes = writes;
        this.room = room;
        this.topic = topic;
        this.clock = clock;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
        this.nextRetry = firstRetry;
    }

    public void start() {
        running.set(true);
        thread = new Thread(this::run, "outbound-backlog-spill");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        if (thread != null) {
            thread.interrupt();
            thread.join(10_000);
        }
    }

    /** The consumer's thread: the record goes to the waiting topic behind those handed over before it. */
    public synchronized void offer(Spilled spilled) {
        queued.addLast(spilled);
        queuedByPartition.merge(spilled.partition(), 1, Integer::sum);
        notifyAll();
    }

    /** Records handed over and not sent yet. */
    public synchronized int queued() {
        return queued.size();
    }

    /** Records handed over and not sent yet, by the partition they were read from (none: absent). */
    public synchronized Map<Integer, Integer> queuedByPartition() {
        return Map.copyOf(queuedByPartition);
    }

    /**
     * Sends what is queued (up to a round's worth) and waits for the broker; public for tests that drive it by
     * hand. Records of a revoked partition are dropped unsent: its new owner reads them again.
     *
     * @return whether every record of the round was written
     */
    public boolean sendQueued() {
        return writes.write(this::sendRound);
    }

    private boolean sendRound() {
        List<Spilled> round = new ArrayList<>();
        synchronized (this) {
            while (!queued.isEmpty() && round.size() < MAX_PER_ROUND) {
                Spilled next = queued.pollFirst();
                queuedByPartition.computeIfPresent(next.partition(), (p, count) -> count == 1 ? null : count - 1);
                round.add(next);
            }
        }
        List<CompletableFuture<Long>> sends = new ArrayList<>(round.size());
        for (Spilled spilled : round) {
            WaitingHeaders headers = new WaitingHeaders(0, clock.instant(), spilled.offset());
            sends.add(room.isCurrent(spilled.partition(), spilled.epoch()) ? spilled.trace().within(
                    () -> topic.appendAsync(spilled.partition(), spilled.tenant(), spilled.value(), headers)) : null);
        }
        long deadline = System.nanoTime() + SEND_TIMEOUT.toNanos();
        Set<Integer> failedPartitions = new HashSet<>();
        List<Spilled> again = new ArrayList<>();
        for (int i = 0; i < round.size(); i++) {
            Spilled spilled = round.get(i);
            if (sends.get(i) == null) {
                continue;
            }
            boolean behindAFailure = failedPartitions.contains(spilled.partition());
            try {
                long offset = sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (behindAFailure) {
                    // written ahead of a record that was not: this copy is taken off unhandled, and the record is
                    // written again behind the one that failed
                    room.appendedOutOfTurn(spilled.tenant(), spilled.partition(), spilled.epoch(), offset);
                    again.add(spilled);
                }
                else {
                    room.spilled(spilled.tenant(), spilled.partition(), spilled.epoch(), offset);
                    spilled.commit().run();
                }
            }
            catch (ExecutionException | TimeoutException | RuntimeException ex) {
                if (!behindAFailure) {
                    log.warn("Waiting topic partition {}: backlog record of tenant {} not written, sending it and "
                            + "those after it again: {}", spilled.partition(), spilled.tenant(), ex.toString());
                }
                failedPartitions.add(spilled.partition());
                again.add(spilled);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                again.addAll(round.subList(i, round.size()));
                break;
            }
        }
        if (!again.isEmpty()) {
            synchronized (this) {
                for (int i = again.size() - 1; i >= 0; i--) {
                    queued.addFirst(again.get(i));
                    queuedByPartition.merge(again.get(i).partition(), 1, Integer::sum);
                }
            }
        }
        return again.isEmpty();
    }

    private void run() {
        while (running.get()) {
            synchronized (this) {
                if (queued.isEmpty()) {
                    try {
                        wait(1000);
                    }
                    catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    continue;
                }
            }
            try {
                if (sendQueued()) {
                    nextRetry = firstRetry;
                    continue;
                }
            }
            catch (RuntimeException ex) {
                log.error("Backlog spill round failed; trying again", ex);
            }
            pause();
        }
    }

    /** After a failed round: the broker is given time, longer each time in a row (offers do not cut it short). */
    private void pause() {
        try {
            Thread.sleep(nextRetry.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
        Duration doubled = nextRetry.multipliedBy(2);
        nextRetry = doubled.compareTo(maxRetry) > 0 ? maxRetry : doubled;
    }
}
