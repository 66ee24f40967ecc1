package com.cpsync.outbound.adapter.in.kafka.waiting;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import com.cpsync.outbound.adapter.in.kafka.work.ConnectionWait.Admission;

/**
 * The decisions about tenants that cannot sync for want of a QBO connection, or whose backlog is more than their
 * share of the work queues, and the counts they rest on.
 * Partition p of the events topic and partition p of the waiting topic belong together (a tenant's records
 * go from one to the other by partition number, and both are assigned to the same consumer). Per partition
 * and tenant the room knows how many records are in the waiting topic (rebuilt by a scan on assignment)
 * and how many of them were handed back to the work queues and have not ended yet.
 *
 * <p>A tenant's order is kept by three rules:
 * <ul>
 *   <li>while the tenant has records in the waiting topic or handed back, its new events go to the
 *       waiting topic too (behind them), except those queued before its backlog started, which are ahead of
 *       it;</li>
 *   <li>the waiting topic is read in order, and each record is handed back to its tenant's FIFO queue or
 *       rewritten to the tail, never skipped;</li>
 *   <li>when a handed-back record of a tenant goes back to the tail because the tenant lost its connection
 *       (it leads), every record of that tenant at an earlier offset of the waiting partition (the tenant's
 *       barrier) follows it there instead of being handled; records rewritten in order, and those that follow,
 *       move no barrier.</li>
 * </ul>
 * Plain Java, thread-safe, unit-tested; Kafka stays in the adapters around it.
 */
public class WaitingRoom {

    /** Where a waiting record goes when its partition's cycle reaches it. */
    public enum Route {
        /** To its tenant's work queue, in order. */
        HAND_BACK,
        /** To the waiting topic's tail, for a later cycle. */
        REWRITE,
        /** Nowhere: a copy written behind a failed send of an earlier record, which was written again behind it. */
        DISCARD
    }

    private final Duration maxHold;
    private final Map<Integer, PartitionState> partitions = new HashMap<>();
    private long lastEpoch;

    /** @param maxHold the longest a record stays at one offset of the waiting topic (retention must be longer) */
    public WaitingRoom(Duration maxHold) {
        this.maxHold = maxHold;
    }

    // ---- assignment

    /** Partition p was assigned: a fresh state, not read yet (its events wait for the scan). */
    public synchronized long assigned(int partition) {
        PartitionState state = new PartitionState(++lastEpoch);
        partitions.put(partition, state);
        return state.epoch;
    }

    /** The waiting partition was read from its committed offset to {@code endOffset}: its records per tenant. */
    public synchronized void scanned(int partition, long epoch, Map<String, Integer> recordsByTenant, long endOffset) {
        PartitionState state = current(partition, epoch);
        if (state != null) {
            state.inTopic.clear();
            recordsByTenant.forEach((tenant, count) -> {
                if (count > 0) {
                    state.inTopic.put(tenant, count);
                }
            });
            state.scannedEnd = Math.max(state.scannedEnd, endOffset);
            state.scanned = true;
        }
    }

    public synchronized boolean isScanned(int partition, long epoch) {
        PartitionState state = current(partition, epoch);
        return state != null && state.scanned;
    }

    public synchronized void revoked(int partition) {
        partitions.remove(partition);
    }

    /** Whether {@code epoch} is the partition's assignment now (not revoked, not assigned again since). */
    public synchronized boolean isCurrent(int partition, long epoch) {
        return current(partition, epoch) != null;
    }

    public synchronized OptionalLong epoch(int partition) {
        PartitionState state = partitions.get(partition);
        return state == null ? OptionalLong.empty() : OptionalLong.of(state.epoch);
    }

    // ---- decisions

    /** A record of the events topic, claimed by a worker; one queued before its tenant's backlog is handled. */
    public synchronized Admission admitEvent(String tenant, int partition, long epoch, long offset) {
        PartitionState state = current(partition, epoch);
        if (state == null) {
            return Admission.STALE;
        }
        if (!state.scanned) {
            return Admission.LATER;
        }
        if (state.isAheadOfBacklog(tenant, offset)) {
            return Admission.HANDLE;
        }
        return state.waiting(tenant) > 0 ? Admission.WAIT : Admission.HANDLE;
    }

    /** {@link #admitEvent(String, int, long, long)} for a record after any backlog of its tenant. */
    public Admission admitEvent(String tenant, int partition, long epoch) {
        return admitEvent(tenant, partition, epoch, Long.MAX_VALUE);
    }

    /** Where the consumer puts a record of the events topic: {@link #atIntake}. */
    public enum Intake {
        /** In the work queues. */
        QUEUE,
        /** To the waiting topic: the first record of its tenant's backlog. */
        BACKLOG_STARTS,
        /** To the waiting topic, behind the rest of its tenant's backlog. */
        BACKLOG
    }

    /**
     * Decides, as the consumer reads a record of the events topic at {@code offset}, whether it goes straight to the
     * waiting topic as its tenant's backlog ({@link BacklogSpill}) instead of the work queues: while the tenant's
     * backlog lasts, every record of it does; a new backlog starts when the tenant has more than its share queued
     * ({@code overShare}) and nothing waiting here. Records of the tenant queued before it are ahead of it: they are
     * handled, never sent behind it, and its records come back to the queues behind them.
     */
    public synchronized Intake atIntake(String tenant, int partition, long epoch, long offset, boolean overShare) {
        PartitionState state = current(partition, epoch);
        if (state == null || !state.scanned) {
            return Intake.QUEUE;
        }
        Intake intake = Intake.BACKLOG;
        if (!state.spillFrom.containsKey(tenant)) {
            if (!overShare || state.waiting(tenant) > 0) {
                return Intake.QUEUE;
            }
            state.spillFrom.put(tenant, offset);
            intake = Intake.BACKLOG_STARTS;
        }
        state.spilling.merge(tenant, 1, Integer::sum);
        return intake;
    }

    /** A record {@link #atIntake} sent there is in the waiting partition at {@code offset}. */
    public synchronized void spilled(String tenant, int partition, long epoch, long offset) {
        PartitionState state = current(partition, epoch);
        if (state != null) {
            decrement(state.spilling, tenant);
            appended(tenant, partition, epoch, offset, false);
        }
    }

    /** Whether one of these tenants has a backlog in the partition (more of it may be on its way there). */
    public synchronized boolean hasBacklog(int partition, long epoch, Set<String> tenants) {
        PartitionState state = current(partition, epoch);
        return state != null && tenants.stream().anyMatch(state.spillFrom::containsKey);
    }

    /**
     * Whether the tenant's record of the events topic at {@code offset} was queued before its backlog: it must keep
     * its place there (a worker parks it rather than send it to the waiting topic behind its own later records).
     */
    public synchronized boolean isAheadOfBacklog(String tenant, int partition, long epoch, long offset) {
        PartitionState state = current(partition, epoch);
        return state != null && state.isAheadOfBacklog(tenant, offset);
    }

    /** A record handed back from the waiting topic, claimed by a worker. */
    public synchronized Admission admitHandedBack(String tenant, int partition, long epoch, long offset) {
        PartitionState state = current(partition, epoch);
        if (state == null) {
            return Admission.STALE;
        }
        return state.isBehindBarrier(tenant, offset) ? Admission.WAIT : Admission.HANDLE;
    }

    /**
     * Whether a waiting partition whose oldest held record was written at {@code headWrittenAt} runs a
     * cycle now: when a tenant with records there can sync, or when that record is due for a rewrite so
     * that retention never reaches it.
     */
    public boolean shouldCycle(Instant headWrittenAt, Instant now, boolean aWaitingTenantCanSync) {
        return aWaitingTenantCanSync || !now.isBefore(headWrittenAt.plus(maxHold));
    }

    /** During a cycle: where the tenant's record at {@code offset} of the waiting partition goes. */
    public synchronized Route route(String tenant, int partition, long epoch, long offset, boolean canSync) {
        PartitionState state = current(partition, epoch);
        if (state != null && state.discarded.contains(offset)) {
            return Route.DISCARD;
        }
        if (state == null || state.isBehindBarrier(tenant, offset)) {
            return Route.REWRITE;
        }
        // behind records of the tenant still in the work queues: a worker sends it back if they go back
        if (state.handedBack.getOrDefault(tenant, 0) > 0) {
            return Route.HAND_BACK;
        }
        return canSync ? Route.HAND_BACK : Route.REWRITE;
    }

    /** The tenants with records in the waiting partition (their connection decides whether a cycle runs); a copy. */
    public synchronized Set<String> tenantsInTopic(int partition, long epoch) {
        PartitionState state = current(partition, epoch);
        return state == null ? new HashSet<>() : new HashSet<>(state.inTopic.keySet());
    }

    /** The end of the waiting partition as far as known (read, scanned or written): a cycle stops there. */
    public synchronized long knownEnd(int partition, long epoch) {
        PartitionState state = current(partition, epoch);
        return state == null ? 0 : state.knownEnd();
    }

    // ---- what happened

    /**
     * A record of the tenant was appended to the waiting partition at {@code offset}. When it {@code leads}
     * (handed back, then sent back by a worker that found its tenant disconnected), the tenant's records at
     * earlier offsets, all of them after it in the tenant's order, must follow it: the barrier moves there.
     */
    public synchronized void appended(String tenant, int partition, long epoch, long offset, boolean leads) {
        PartitionState state = current(partition, epoch);
        if (state == null) {
            return;
        }
        state.inTopic.merge(tenant, 1, Integer::sum);
        state.appendedEnd = Math.max(state.appendedEnd, offset + 1);
        if (leads) {
            state.barriers.merge(tenant, offset, Math::max);
            state.leaders.computeIfAbsent(tenant, t -> new HashSet<>()).add(offset);
        }
    }

    /**
     * The tenant's record at {@code offset} was written behind a record of its partition whose send failed and which
     * is written again behind it (with this one again after it): this copy is taken off unhandled when it is reached.
     */
    public synchronized void appendedOutOfTurn(String tenant, int partition, long epoch, long offset) {
        appended(tenant, partition, epoch, offset, false);
        PartitionState state = current(partition, epoch);
        if (state != null) {
            state.discarded.add(offset);
        }
    }

    /** A cycle took the record at {@code offset} off the waiting topic by this route (a rewrite is appended anew). */
    public synchronized void takenOff(String tenant, int partition, long epoch, long offset, Route route) {
        PartitionState state = current(partition, epoch);
        if (state == null) {
            return;
        }
        decrement(state.inTopic, tenant);
        if (route == Route.DISCARD) {
            state.discarded.remove(offset);
        }
        if (route == Route.HAND_BACK) {
            state.handedBack.merge(tenant, 1, Integer::sum);
        }
        state.forgetIfDone(tenant);
    }

    /** A handed-back record ended: synced, skipped, failed, or sent back to the waiting topic. */
    public synchronized void finished(String tenant, int partition, long epoch) {
        PartitionState state = current(partition, epoch);
        if (state != null) {
            decrement(state.handedBack, tenant);
            state.forgetIfDone(tenant);
        }
    }

    /** The consumer read the waiting partition's record at {@code offset}. */
    public synchronized void read(int partition, long epoch, long offset) {
        PartitionState state = current(partition, epoch);
        if (state != null) {
            state.readEnd = Math.max(state.readEnd, offset + 1);
        }
    }

    /**
     * Called when every record read from the waiting partition was routed: if the consumer has also read
     * up to the known end, no record of any tenant is left there, and a count that says otherwise (a
     * record retention deleted before it was read) must not hold the tenant's new events back for ever.
     *
     * @return the tenants whose counts were dropped
     */
    public synchronized Set<String> settle(int partition, long epoch) {
        PartitionState state = current(partition, epoch);
        if (state == null || !state.scanned || state.readEnd < state.knownEnd() || state.inTopic.isEmpty()) {
            return Set.of();
        }
        Set<String> dropped = new HashSet<>(state.inTopic.keySet());
        state.inTopic.clear();
        dropped.forEach(state::forgetIfDone);
        return dropped;
    }

    // ---- for operators

    /** Records in the waiting topic or handed back and not ended, over all assigned partitions. */
    public synchronized int waitingRecords() {
        return partitions.values().stream().mapToInt(s -> sum(s.inTopic) + sum(s.handedBack) + sum(s.spilling)).sum();
    }

    public synchronized Set<String> waitingTenants() {
        Set<String> tenants = new HashSet<>();
        partitions.values().forEach(s -> {
            tenants.addAll(s.inTopic.keySet());
            tenants.addAll(s.handedBack.keySet());
            tenants.addAll(s.spilling.keySet());
        });
        return tenants;
    }

    private PartitionState current(int partition, long epoch) {
        PartitionState state = partitions.get(partition);
        return state != null && state.epoch == epoch ? state : null;
    }

    private static void decrement(Map<String, Integer> counts, String tenant) {
        // a record written by the partition's previous owner after our scan is read but was never counted
        counts.computeIfPresent(tenant, (t, n) -> n > 1 ? n - 1 : null);
    }

    private static int sum(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static final class PartitionState {
        private final long epoch;
        private final Map<String, Integer> inTopic = new HashMap<>();
        private final Map<String, Integer> handedBack = new HashMap<>();
        private final Map<String, Long> barriers = new HashMap<>();
        /** Offsets of the records that set a tenant's barrier: a leader never follows another leader of its tenant. */
        private final Map<String, Set<Long>> leaders = new HashMap<>();
        /** Offsets of copies to take off unhandled ({@link #appendedOutOfTurn}). */
        private final Set<Long> discarded = new HashSet<>();
        /** Records of a tenant's backlog on their way to the waiting partition (not written yet). */
        private final Map<String, Integer> spilling = new HashMap<>();
        /** The events topic's offset where a tenant's backlog starts. */
        private final Map<String, Long> spillFrom = new HashMap<>();
        private boolean scanned;
        private long scannedEnd;
        private long appendedEnd;
        private long readEnd;

        private PartitionState(long epoch) {
            this.epoch = epoch;
        }

        private long knownEnd() {
            return Math.max(scannedEnd, Math.max(appendedEnd, readEnd));
        }

        private int waiting(String tenant) {
            return inTopic.getOrDefault(tenant, 0) + handedBack.getOrDefault(tenant, 0)
                    + spilling.getOrDefault(tenant, 0);
        }

        private boolean isAheadOfBacklog(String tenant, long offset) {
            Long from = spillFrom.get(tenant);
            return from != null && offset < from;
        }

        /**
         * Before the tenant's barrier, so it follows the leader there; a leader itself does not (two leaders of
         * one tenant, each of its own company, went back side by side: neither is later than the other).
         */
        private boolean isBehindBarrier(String tenant, long offset) {
            return offset < barriers.getOrDefault(tenant, -1L)
                    && !leaders.getOrDefault(tenant, Set.of()).contains(offset);
        }

        /**
         * With nothing of the tenant left here, whatever it appends next lies past its barrier anyway, and its
         * backlog is over: its records queued before it may go behind whatever waits here next.
         */
        private void forgetIfDone(String tenant) {
            if (waiting(tenant) == 0) {
                barriers.remove(tenant);
                leaders.remove(tenant);
                spillFrom.remove(tenant);
            }
        }
    }
}
