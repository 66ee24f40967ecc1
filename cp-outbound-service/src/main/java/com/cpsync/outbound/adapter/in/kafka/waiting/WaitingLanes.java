package com.cpsync.outbound.adapter.in.kafka.waiting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cpsync.outbound.adapter.in.kafka.work.RecordOrigin;
import com.cpsync.outbound.adapter.in.kafka.work.WorkItem;
import com.cpsync.outbound.adapter.in.kafka.work.WorkTrace;
import com.cpsync.outbound.domain.events.OutboundEvent;

/**
 * One lane per assigned partition of the waiting topic, worked by one thread. A lane holds what the consumer
 * delivered (one poll's worth: the partition is paused while the lane holds records it does not route) and
 * runs a <em>cycle</em> when a tenant with records there can sync (checked every {@code checkInterval}) or
 * when its oldest record is due for a rewrite ({@link WaitingRoom#shouldCycle}). A cycle routes every record
 * up to the partition's end as known when it started: handed back to its tenant's work queue, or rewritten
 * to the tail (acknowledged either way, so the waiting partition's commits move on and memory stays bounded).
 * A record to be handed back to a full work queue (a backlog: {@link BacklogShare}) stops the cycle there until
 * the queue drains. A cycle goes on past the end it started with through records written for the first time since
 * by tenants it hands back to, and stays open while one of them has a backlog on its way, so a backlog flows back
 * without waiting a check interval between cycles.
 */
public class WaitingLanes implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WaitingLanes.class);
    /** Records a lane may hold during a cycle before its partition is paused. */
    private static final int MAX_HELD = 1000;
    private static final Duration WAKE_UP = Duration.ofSeconds(1);

    /**
     * A record read from the waiting topic and not routed yet; {@code commit} completes its offset, {@code trace}
     * is the one it was consumed in (kept when it is handed back or goes to the tail again).
     */
    public record Held(OutboundEvent event, RecordOrigin.Waiting origin, Instant writtenAt, Runnable commit,
            WorkTrace trace) {

        public Held(OutboundEvent event, RecordOrigin.Waiting origin, Instant writtenAt, Runnable commit) {
            this(event, origin, writtenAt, commit, WorkTrace.NONE);
        }
    }

    /** Pauses or resumes the consumption of one partition of the waiting topic. */
    public interface PartitionFlow {
        void pause(int partition);

        void resume(int partition);
    }

    private final WaitingRoom room;
    private final WaitingTopic topic;
    private final WaitingTopicScan scan;
    private final Predicate<String> canSync;
    private final Predicate<String> hasRoom;
    private final WaitingWrites writes;
    private final BiConsumer<String, WorkItem> handBack;
    private final PartitionFlow flow;
    private final Clock clock;
    private final Duration checkInterval;
    private final Map<Integer, Lane> lanes = new HashMap<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private Thread thread;

    /**
     * @param canSync  whether a tenant can sync now (it gets an access token); asked once per check and tenant
     * @param hasRoom  whether a tenant's work queue takes another record now ({@link BacklogShare#hasRoom}): a lane
     *                 whose next record would be handed back to a full queue waits at it
     * @param handBack submits an item to its tenant's work queue
     * @param writes   the waiting topic's writes under way, which a revocation waits for
     */
    public WaitingLanes(WaitingRoom room, WaitingTopic topic, WaitingTopicScan scan, Predicate<String> canSync,
            Predicate<String> hasRoom, BiConsumer<String, WorkItem> handBack, PartitionFlow flow, Clock clock,
            Duration checkInterval, WaitingWrites writes) {
        this.writes = writes;
        this.room = room;
        this.topic = topic;
        this.scan = scan;
        this.canSync = canSync;
        this.hasRoom = hasRoom;
        this.handBack = handBack;
        this.flow = flow;
        this.clock = clock;
        this.checkInterval = checkInterval;
    }

    public void start() {
        running.set(true);
        thread = new Thread(this::run, "outbound-waiting");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        synchronized (this) {
            notifyAll();
        }
        if (thread != null) {
            thread.join(10_000);
        }
    }

    // ---- the consumer's thread

    /**
     * Partitions of the waiting topic were assigned (with these epochs of the room): each gets a lane, and
     * is scanned now, before any event of its partition is handled. A scan that fails is retried by the
     * lanes' thread; the partition's events wait meanwhile ({@code Admission.LATER}).
     */
    public void assigned(Map<Integer, Long> epochs) {
        synchronized (this) {
            epochs.forEach((partition, epoch) -> {
                lanes.put(partition, new Lane(partition, epoch));
                // a pause asked for before a revocation would outlive it in the container: a new lane starts open
                flow.resume(partition);
            });
        }
        scanNow(epochs);
    }

    public synchronized void revoked(int partition) {
        lanes.remove(partition);
    }

    /** A record of the waiting topic was delivered. */
    public void arrived(Held held) {
        RecordOrigin.Waiting origin = held.origin();
        synchronized (this) {
            Lane lane = lanes.get(origin.partition());
            if (lane == null || lane.epoch != origin.epoch()) {
                return;
            }
            lane.held.addLast(held);
            lane.readEnd = Math.max(lane.readEnd, origin.offset() + 1);
            room.read(origin.partition(), origin.epoch(), origin.offset());
            applyFlow(lane);
            notifyAll();
        }
    }

    // ---- the lanes' thread (public for tests that drive it by hand)

    /** Works every lane as far as it can go now. */
    public void pumpAll() {
        List<Lane> current;
        synchronized (this) {
            current = new ArrayList<>(lanes.values());
        }
        for (Lane lane : current) {
            try {
                if (room.isScanned(lane.partition, lane.epoch)) {
                    pump(lane);
                }
                else {
                    scanNow(Map.of(lane.partition, lane.epoch));
                }
            }
            catch (RuntimeException ex) {
                log.warn("Waiting partition {}: cycle interrupted, trying again: {}", lane.partition, ex.getMessage());
            }
        }
    }

    private void pump(Lane lane) {
        while (true) {
            Held head;
            synchronized (this) {
                head = lane.held.peekFirst();
                if (head == null) {
                    // a backlog of a tenant that can sync keeps its cycle open: the rest of it is on its way
                    if (lane.cycling && lane.readEnd >= lane.cycleEnd
                            && !room.hasBacklog(lane.partition, lane.epoch, lane.canSync)) {
                        endCycle(lane);
                    }
                    settle(lane);
                    applyFlow(lane);
                    return;
                }
            }
            if (!lane.cycling && !startCycle(lane, head.writtenAt())) {
                synchronized (this) {
                    applyFlow(lane);
                }
                return;
            }
            String tenant = head.event().tenantId();
            if (head.origin().offset() >= lane.cycleEnd
                    && (head.origin().cycles() > 0 || !lane.canSync.contains(tenant))) {
                // written during this cycle: a rewritten or sent-back record routed again now could go round for
                // ever, and one of a tenant that cannot sync would only be rewritten (amid its tenant's newer
                // records); the next cycle routes it. A backlog's next record is handed back in this one.
                endCycle(lane);
                continue;
            }
            WaitingRoom.Route route = room.route(tenant, lane.partition, lane.epoch, head.origin().offset(),
                    lane.canSync.contains(tenant));
            if (route == WaitingRoom.Route.HAND_BACK && !hasRoom.test(tenant)) {
                // the lane waits at this record, in order, until its tenant's queue drains (checked on wake-up)
                synchronized (this) {
                    applyFlow(lane);
                }
                return;
            }
            route(lane, head, route);
            synchronized (this) {
                lane.held.pollFirst();
                applyFlow(lane);
            }
        }
    }

    private boolean startCycle(Lane lane, Instant headWrittenAt) {
        Instant now = clock.instant();
        if (now.isBefore(lane.nextCheck)) {
            return false;
        }
        Set<String> waiting = room.tenantsInTopic(lane.partition, lane.epoch);
        synchronized (this) {
            // also those the counts missed (written by the partition's previous owner after the scan)
            lane.held.forEach(held -> waiting.add(held.event().tenantId()));
        }
        Set<String> canSyncNow = new HashSet<>();
        for (String tenant : waiting) {
            if (canSync.test(tenant)) {
                canSyncNow.add(tenant);
            }
        }
        lane.nextCheck = now.plus(checkInterval);
        if (!room.shouldCycle(headWrittenAt, now, !canSyncNow.isEmpty())) {
            return false;
        }
        synchronized (this) {
            lane.cycling = true;
            lane.cycleEnd = room.knownEnd(lane.partition, lane.epoch);
            lane.canSync = canSyncNow;
        }
        log.info("Waiting partition {}: cycle up to offset {}; tenants that can sync now: {}", lane.partition,
                lane.cycleEnd, canSyncNow);
        return true;
    }

    private synchronized void endCycle(Lane lane) {
        lane.cycling = false;
        lane.canSync = Set.of();
    }

    /** The head goes to its tenant's queue, to the tail, or nowhere; its offset is then complete. */
    private void route(Lane lane, Held held, WaitingRoom.Route route) {
        String tenant = held.event().tenantId();
        RecordOrigin.Waiting origin = held.origin();
        if (route == WaitingRoom.Route.DISCARD) {
            room.takenOff(tenant, lane.partition, lane.epoch, origin.offset(), route);
            held.commit().run();
            return;
        }
        if (route == WaitingRoom.Route.HAND_BACK) {
            room.takenOff(tenant, lane.partition, lane.epoch, origin.offset(), route);
            handBack.accept(tenant, new WorkItem(held.event(), () -> {
                room.finished(tenant, lane.partition, lane.epoch);
                held.commit().run();
            }, origin, held.trace()));
            return;
        }
        // in order behind the tenant's records already rewritten: no barrier (one here dragged every earlier record of
        // the tenant behind this one again, each cycle, so that two or more never came back)
        boolean written = writes.appendIfCurrent(room, tenant, lane.partition, lane.epoch, () -> held.trace().within(
                () -> topic.append(lane.partition, tenant, origin.value(), new WaitingHeaders(origin.cycles() + 1,
                        origin.waitingSince(), held.event().source().offset()))),
                false);
        if (written) {
            room.takenOff(tenant, lane.partition, lane.epoch, origin.offset(), route);
            held.commit().run();
        }
    }

    private void settle(Lane lane) {
        if (lane.cycling) {
            return;
        }
        Set<String> dropped = room.settle(lane.partition, lane.epoch);
        if (!dropped.isEmpty()) {
            log.warn("Waiting partition {}: read to its end, yet counted records of {} were never read "
                    + "(deleted by retention?); their new events are no longer held behind them", lane.partition,
                    dropped);
        }
    }

    /** Paused while the lane holds records it is not routing now, or too many; resumed otherwise. */
    private void applyFlow(Lane lane) {
        boolean pause = !lane.held.isEmpty() && (!lane.cycling || lane.held.size() >= MAX_HELD);
        if (pause != lane.paused) {
            lane.paused = pause;
            if (pause) {
                flow.pause(lane.partition);
            }
            else {
                flow.resume(lane.partition);
            }
        }
    }

    private void scanNow(Map<Integer, Long> epochs) {
        try {
            scan.scan(epochs.keySet()).forEach((partition, counted) -> room.scanned(partition,
                    epochs.get(partition), counted.recordsByTenant(), counted.endOffset()));
        }
        catch (RuntimeException ex) {
            log.warn("Waiting partitions {} not read yet (their events wait); reading again: {}", epochs.keySet(),
                    ex.getMessage());
        }
    }

    private void run() {
        while (running.get()) {
            pumpAll();
            synchronized (this) {
                try {
                    wait(WAKE_UP.toMillis());
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static final class Lane {
        private final int partition;
        private final long epoch;
        private final Deque<Held> held = new ArrayDeque<>();
        private boolean paused;
        private volatile boolean cycling;
        private volatile long cycleEnd;
        private volatile Set<String> canSync = Set.of();
        private long readEnd;
        private Instant nextCheck = Instant.MIN;

        private Lane(int partition, long epoch) {
            this.partition = partition;
            this.epoch = epoch;
        }
    }
}
