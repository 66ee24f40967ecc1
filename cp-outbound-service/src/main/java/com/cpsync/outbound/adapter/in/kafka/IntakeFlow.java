package com.cpsync.outbound.adapter.in.kafka;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which partitions of the events topic the consumer stops reading, to bound memory. Records queued for work bound
 * every partition: past {@code maxBuffered} unfinished, all are paused (resumed at half). Records handed to the
 * backlog spill and not written yet are bounded apart, by pausing only the partitions they came from: a tenant's
 * import read at the broker's pace must not stop its neighbours on other partitions while the spill catches up
 * (the benchmark's P3: a 20,000-event backlog read at start paused every partition for the ~10 s its writes took,
 * and the small tenants' events then arrived in one burst). Finished records behind an unfinished one (a parked
 * lane) are bounded too, at {@value #UNCOMMITTED_PER_BUFFERED} times as many.
 */
final class IntakeFlow {

    private static final int UNCOMMITTED_PER_BUFFERED = 10;

    private final int maxBuffered;
    private boolean full;
    private boolean spillFull;

    IntakeFlow(int maxBuffered) {
        this.maxBuffered = maxBuffered;
    }

    /**
     * @param unfinished  records of the events topic received and not completed, those handed to the spill included
     * @param uncommitted records received and not committed yet
     * @param spilling    per partition, records handed to the spill and not written yet
     * @return the partitions of {@code assigned} to pause; the others are read
     */
    synchronized Set<Integer> paused(Set<Integer> assigned, int unfinished, int uncommitted,
            Map<Integer, Integer> spilling) {
        int toSpill = spilling.values().stream().mapToInt(Integer::intValue).sum();
        int queued = unfinished - toSpill;
        if (queued > maxBuffered || uncommitted > UNCOMMITTED_PER_BUFFERED * maxBuffered) {
            full = true;
        }
        else if (queued <= maxBuffered / 2 && uncommitted <= UNCOMMITTED_PER_BUFFERED * maxBuffered / 2) {
            full = false;
        }
        if (toSpill > maxBuffered) {
            spillFull = true;
        }
        else if (toSpill <= maxBuffered / 2) {
            spillFull = false;
        }
        if (full) {
            return assigned;
        }
        return spillFull ? assigned.stream().filter(p -> spilling.getOrDefault(p, 0) > 0).collect(Collectors.toSet())
                : Set.of();
    }

    /** Whether every partition is paused for the records queued for work. */
    synchronized boolean full() {
        return full;
    }
}
