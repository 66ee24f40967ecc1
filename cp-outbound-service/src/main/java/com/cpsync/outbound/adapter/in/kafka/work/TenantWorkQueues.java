package com.cpsync.outbound.adapter.in.kafka.work;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cpsync.outbound.application.port.TenantStatusChange;
import com.cpsync.outbound.application.port.TenantStatusPublisher;

/**
 * FIFO lanes per tenant ({@link WorkQueueKey}). A worker claims a lane whose head item is due, works it, then
 * either completes it (the lane's next item becomes claimable) or parks the lane until a due time (the head
 * stays, other lanes keep flowing). At most one worker holds a lane, so a lane's items are handled strictly in
 * order; a tenant holds at most {@code lanesPerTenant} workers at once, so one tenant's backlog never takes
 * the workers its neighbours need. An entity with items waiting keeps to their lane, and a head whose exclusive
 * key another worked item of the tenant holds waits for it. Plain Java with an
 * injectable clock so the rules are unit-tested. Each park, and the completion that leaves a tenant with no
 * parked lane, is told to the status publisher (after the lock is let go).
 */
public class TenantWorkQueues<T> {

    private static final Logger log = LoggerFactory.getLogger(TenantWorkQueues.class);
    private final Clock clock;
    private final TenantStatusPublisher status;
    private final int lanesPerTenant;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<LaneId, Lane<T>> lanes = new LinkedHashMap<>();
    private final Map<String, Tenant> tenants = new HashMap<>();
    private final Map<TenantKey, EntityLane> entityLanes = new HashMap<>();
    /** The exclusive keys ({@link WorkQueueKey#exclusive()}) of the items being worked now. */
    private final Set<TenantKey> exclusiveHeld = new HashSet<>();
    /** Items submitted and not completed, per tenant (a tenant is absent at 0). */
    private final Map<String, Integer> bufferedByTenant = new HashMap<>();
    private int buffered;

    public TenantWorkQueues(Clock clock) {
        this(clock, TenantStatusPublisher.NONE);
    }

    public TenantWorkQueues(Clock clock, TenantStatusPublisher status) {
        this(clock, status, 1);
    }

    public TenantWorkQueues(Clock clock, TenantStatusPublisher status, int lanesPerTenant) {
        if (lanesPerTenant < 1) {
            throw new IllegalArgumentException("lanesPerTenant must be at least 1: " + lanesPerTenant);
        }
        this.clock = clock;
        this.status = status;
        this.lanesPerTenant = lanesPerTenant;
    }

    /** Appends an item at the end of its tenant's one lane. */
    public void submit(String tenantId, T item) {
        submit(WorkQueueKey.single(tenantId), item);
    }

    /** Appends an item at the end of its lane, or of the lane where its entity's items already wait. */
    public void submit(WorkQueueKey key, T item) {
        lock.lock();
        try {
            String lane = key.lane();
            if (key.entity() != null) {
                EntityLane pending = entityLanes.computeIfAbsent(new TenantKey(key.tenant(), key.entity()),
                        id -> new EntityLane(key.lane()));
                pending.items++;
                lane = pending.lane;
            }
            LaneId id = new LaneId(key.tenant(), lane);
            lanes.computeIfAbsent(id, l -> new Lane<>()).items.addLast(new Entry<>(item, key.entity(), key.exclusive()));
            buffered++;
            bufferedByTenant.merge(key.tenant(), 1, Integer::sum);
            changed.signalAll();
        }
        finally {
            lock.unlock();
        }
    }

    /** Claims the head of a due, unclaimed lane of a tenant with a worker to spare, if any, without waiting. */
    public Optional<Claim<T>> tryClaim() {
        lock.lock();
        try {
            Instant now = clock.instant();
            for (Map.Entry<LaneId, Lane<T>> entry : lanes.entrySet()) {
                Lane<T> lane = entry.getValue();
                LaneId id = entry.getKey();
                if (!lane.claimed && !lane.items.isEmpty() && !lane.dueAt.isAfter(now)
                        && workersOf(id.tenant) < lanesPerTenant && exclusiveFree(id.tenant, lane.items.peekFirst())) {
                    lane.claimed = true;
                    tenant(id.tenant).claimed++;
                    String exclusive = lane.items.peekFirst().exclusive;
                    if (exclusive != null) {
                        lane.holding = new TenantKey(id.tenant, exclusive);
                        exclusiveHeld.add(lane.holding);
                    }
                    // rotate so lanes are served round-robin, not first-come-first-served
                    lanes.remove(id);
                    lanes.put(id, lane);
                    return Optional.of(new Claim<>(id.tenant, id.lane, lane.items.peekFirst().item, lane.attempts));
                }
            }
            return Optional.empty();
        }
        finally {
            lock.unlock();
        }
    }

    /** Claims like {@link #tryClaim()}, waiting up to {@code maxWait} for something to become due. */
    public Optional<Claim<T>> claim(Duration maxWait) throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        lock.lock();
        try {
            while (true) {
                Optional<Claim<T>> claim = tryClaim();
                long left = deadline - System.nanoTime();
                if (claim.isPresent() || left <= 0) {
                    return claim;
                }
                changed.await(Math.min(left, nanosUntilNextDue()), TimeUnit.NANOSECONDS);
            }
        }
        finally {
            lock.unlock();
        }
    }

    /** The claimed head is done: drop it and release the lane. */
    public void complete(Claim<T> claim) {
        boolean resumed;
        lock.lock();
        try {
            LaneId id = new LaneId(claim.tenantId(), claim.lane());
            Lane<T> lane = lanes.get(id);
            Tenant tenant = tenant(id.tenant);
            boolean wasParked = lane.parkReason != null;
            forgetEntity(id.tenant, lane.items.pollFirst());
            buffered--;
            bufferedByTenant.computeIfPresent(id.tenant, (t, n) -> n > 1 ? n - 1 : null);
            release(id, lane, tenant);
            lane.attempts = 0;
            lane.dueAt = Instant.MIN;
            lane.parkReason = null;
            if (wasParked) {
                tenant.parkedLanes--;
            }
            resumed = wasParked && tenant.parkedLanes == 0;
            if (lane.items.isEmpty()) {
                lanes.remove(id);
            }
            dropIfIdle(id.tenant, tenant);
            changed.signalAll();
        }
        finally {
            lock.unlock();
        }
        if (resumed) {
            tell(TenantStatusChange.running(claim.tenantId(), clock.instant()));
        }
    }

    /** The claimed head must wait: its lane is parked until {@code dueAt}, its head kept. */
    public void park(Claim<T> claim, Instant dueAt, String reason) {
        lock.lock();
        try {
            LaneId id = new LaneId(claim.tenantId(), claim.lane());
            Lane<T> lane = lanes.get(id);
            Tenant tenant = tenant(id.tenant);
            release(id, lane, tenant);
            if (lane.parkReason == null) {
                tenant.parkedLanes++;
            }
            lane.attempts++;
            lane.dueAt = dueAt;
            lane.parkReason = reason;
            changed.signalAll();
        }
        finally {
            lock.unlock();
        }
        // every park, also a repeated one: its due time is news to whoever shows it
        tell(TenantStatusChange.parked(claim.tenantId(), reason, dueAt, clock.instant()));
    }

    /** A status that cannot be told is logged, never a failure of the tenant's work. */
    private void tell(TenantStatusChange change) {
        try {
            status.publish(change);
        }
        catch (RuntimeException ex) {
            log.warn("Status {} of tenant {} not published: {}", change.state(), change.tenantId(), ex.toString());
        }
    }

    /** Items submitted and not yet completed, over all tenants. */
    public int buffered() {
        lock.lock();
        try {
            return buffered;
        }
        finally {
            lock.unlock();
        }
    }

    /** Items of one tenant submitted and not yet completed (claimed and parked ones included). */
    public int buffered(String tenantId) {
        lock.lock();
        try {
            return bufferedByTenant.getOrDefault(tenantId, 0);
        }
        finally {
            lock.unlock();
        }
    }

    /** Tenants with a lane waiting for a due time, with the reason it waits. */
    public Map<String, String> parkedTenants() {
        lock.lock();
        try {
            Instant now = clock.instant();
            Map<String, String> parked = new HashMap<>();
            lanes.forEach((id, lane) -> {
                if (lane.dueAt.isAfter(now)) {
                    parked.put(id.tenant, lane.parkReason);
                }
            });
            return parked;
        }
        finally {
            lock.unlock();
        }
    }

    private void release(LaneId id, Lane<T> lane, Tenant tenant) {
        if (lane.claimed) {
            lane.claimed = false;
            tenant.claimed--;
        }
        if (lane.holding != null) {
            exclusiveHeld.remove(lane.holding);
            lane.holding = null;
        }
    }

    private boolean exclusiveFree(String tenant, Entry<T> head) {
        return head.exclusive == null || !exclusiveHeld.contains(new TenantKey(tenant, head.exclusive));
    }

    private void forgetEntity(String tenant, Entry<T> done) {
        if (done == null || done.entity == null) {
            return;
        }
        TenantKey id = new TenantKey(tenant, done.entity);
        EntityLane pending = entityLanes.get(id);
        if (pending != null && --pending.items == 0) {
            entityLanes.remove(id);
        }
    }

    private int workersOf(String tenantId) {
        Tenant tenant = tenants.get(tenantId);
        return tenant == null ? 0 : tenant.claimed;
    }

    private Tenant tenant(String tenantId) {
        return tenants.computeIfAbsent(tenantId, id -> new Tenant());
    }

    private void dropIfIdle(String tenantId, Tenant tenant) {
        if (tenant.claimed == 0 && tenant.parkedLanes == 0) {
            tenants.remove(tenantId);
        }
    }

    /**
     * Until the next parked lane is due. A lane due now that {@link #tryClaim()} passed over waits for its tenant's
     * worker or its exclusive key, which a completion or park signals: counting it as due would wake every idle
     * worker each millisecond to scan every lane under the lock (found by the benchmark's P3: a backlog tenant at
     * its share of workers slowed every tenant to half a minute an event).
     */
    long nanosUntilNextDue() {
        Instant now = clock.instant();
        long next = Long.MAX_VALUE;
        for (Lane<T> lane : lanes.values()) {
            if (!lane.claimed && !lane.items.isEmpty() && lane.dueAt.isAfter(now)) {
                next = Math.min(next, Duration.between(now, lane.dueAt).toNanos());
            }
        }
        // wake at least every 100 ms: a test clock may move without signalling
        return Math.max(1_000_000L, Math.min(next, 100_000_000L));
    }

    /**
     * A worker's hold on one lane's head item; {@code attempts} counts earlier parks of this item.
     * {@code lane} is the lane within the tenant ("" for a tenant's one lane).
     */
    public record Claim<T>(String tenantId, String lane, T item, int attempts) {
    }

    private record LaneId(String tenant, String lane) {
    }

    private record TenantKey(String tenant, String entity) {
    }

    private record Entry<T>(T item, String entity, String exclusive) {
    }

    private static final class Lane<T> {
        private final Deque<Entry<T>> items = new ArrayDeque<>();
        private boolean claimed;
        private int attempts;
        private Instant dueAt = Instant.MIN;
        private String parkReason;
        /** The exclusive key its claimed head holds, if any. */
        private TenantKey holding;
    }

    /** Workers holding the tenant's lanes now, and its lanes parked. */
    private static final class Tenant {
        private int claimed;
        private int parkedLanes;
    }

    private static final class EntityLane {
        private final String lane;
        private int items;

        private EntityLane(String lane) {
            this.lane = lane;
        }
    }
}
