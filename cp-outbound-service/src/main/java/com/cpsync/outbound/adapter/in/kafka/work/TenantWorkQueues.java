package com.cpsync.outbound.adapter.in.kafka.work;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cpsync.outbound.application.port.TenantStatusChange;
import com.cpsync.outbound.application.port.TenantStatusPublisher;

/**
 * One FIFO queue per tenant. A worker claims a tenant whose head item is due, works it, then either
 * completes it (the next item of that tenant becomes claimable) or parks the tenant until a due time
 * (the head stays, other tenants keep flowing). At most one worker holds a tenant, so a tenant's items
 * are handled strictly in order. Plain Java with an injectable clock so the rules are unit-tested.
 * Each park, and the first completion after one, is told to the status publisher (after the lock is let go).
 */
public class TenantWorkQueues<T> {

    private static final Logger log = LoggerFactory.getLogger(TenantWorkQueues.class);
    private final Clock clock;
    private final TenantStatusPublisher status;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<String, TenantQueue<T>> queues = new LinkedHashMap<>();
    private int buffered;

    public TenantWorkQueues(Clock clock) {
        this(clock, TenantStatusPublisher.NONE);
    }

    public TenantWorkQueues(Clock clock, TenantStatusPublisher status) {
        this.clock = clock;
        this.status = status;
    }

    /** Appends an item at the end of its tenant's queue. */
    public void submit(String tenantId, T item) {
        lock.lock();
        try {
            queues.computeIfAbsent(tenantId, id -> new TenantQueue<>()).items.addLast(item);
            buffered++;
            changed.signalAll();
        }
        finally {
            lock.unlock();
        }
    }

    /** Claims the head of a due, unclaimed tenant, if any, without waiting. */
    public Optional<Claim<T>> tryClaim() {
        lock.lock();
        try {
            Instant now = clock.instant();
            for (Map.Entry<String, TenantQueue<T>> entry : queues.entrySet()) {
                TenantQueue<T> queue = entry.getValue();
                if (!queue.claimed && !queue.items.isEmpty() && !queue.dueAt.isAfter(now)) {
                    queue.claimed = true;
                    // rotate so tenants are served round-robin, not first-come-first-served
                    queues.remove(entry.getKey());
                    queues.put(entry.getKey(), queue);
                    return Optional.of(new Claim<>(entry.getKey(), queue.items.peekFirst(), queue.attempts));
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

    /** The claimed head is done: drop it and release the tenant. */
    public void complete(Claim<T> claim) {
        boolean wasParked;
        lock.lock();
        try {
            TenantQueue<T> queue = queues.get(claim.tenantId());
            wasParked = queue.parkReason != null;
            queue.items.pollFirst();
            buffered--;
            queue.claimed = false;
            queue.attempts = 0;
            queue.dueAt = Instant.MIN;
            queue.parkReason = null;
            if (queue.items.isEmpty()) {
                queues.remove(claim.tenantId());
            }
            changed.signalAll();
        }
        finally {
            lock.unlock();
        }
        if (wasParked) {
            tell(TenantStatusChange.running(claim.tenantId(), clock.instant()));
        }
    }

    /** The claimed head must wait: the tenant is parked until {@code dueAt}, its head kept. */
    public void park(Claim<T> claim, Instant dueAt, String reason) {
        lock.lock();
        try {
            TenantQueue<T> queue = queues.get(claim.tenantId());
            queue.claimed = false;
            queue.attempts++;
            queue.dueAt = dueAt;
            queue.parkReason = reason;
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

    /** Tenants currently waiting for a due time, with the reason they wait. */
    public Map<String, String> parkedTenants() {
        lock.lock();
        try {
            Instant now = clock.instant();
            Map<String, String> parked = new HashMap<>();
            queues.forEach((tenant, queue) -> {
                if (queue.dueAt.isAfter(now)) {
                    parked.put(tenant, queue.parkReason);
                }
            });
            return parked;
        }
        finally {
            lock.unlock();
        }
    }

    private long nanosUntilNextDue() {
        Instant now = clock.instant();
        long next = Long.MAX_VALUE;
        for (TenantQueue<T> queue : queues.values()) {
            if (!queue.claimed && !queue.items.isEmpty()) {
                next = Math.min(next, Math.max(0, Duration.between(now, max(now, queue.dueAt)).toNanos()));
            }
        }
        // wake at least every 100 ms: a test clock may move without signalling
        return Math.max(1_000_000L, Math.min(next, 100_000_000L));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** A worker's hold on one tenant's head item; {@code attempts} counts earlier parks of this item. */
    public record Claim<T>(String tenantId, T item, int attempts) {
    }

    private static final class TenantQueue<T> {
        private final Deque<T> items = new ArrayDeque<>();
        private boolean claimed;
        private int attempts;
        private Instant dueAt = Instant.MIN;
        private String parkReason;
    }
}
