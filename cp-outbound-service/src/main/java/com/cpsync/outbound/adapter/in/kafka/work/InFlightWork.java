package com.cpsync.outbound.adapter.in.kafka.work;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The items workers are working now, counted by partition number (an events partition and its waiting partition
 * share it). A revoked partition's queued items turn stale, but one a worker already works runs on: its QBO call is
 * under way. Revocation waits for those, so that the next owner never works a tenant's records beside this one
 * (reliability finding 18: a revoked instance finishing an older record while the next owner replays newer ones).
 */
public class InFlightWork {

    private final Map<Integer, Integer> byPartition = new HashMap<>();

    synchronized void started(int partition) {
        byPartition.merge(partition, 1, Integer::sum);
    }

    synchronized void ended(int partition) {
        byPartition.computeIfPresent(partition, (p, count) -> count == 1 ? null : count - 1);
        notifyAll();
    }

    public synchronized int inFlight(int partition) {
        return byPartition.getOrDefault(partition, 0);
    }

    /**
     * Waits until no item of {@code partitions} is being worked, at most {@code max}; returns whether none is.
     * Items claimed after their partition's revocation end at once (stale), so the wait only sees calls under way.
     */
    public synchronized boolean awaitNone(Collection<Integer> partitions, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (partitions.stream().anyMatch(byPartition::containsKey)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
