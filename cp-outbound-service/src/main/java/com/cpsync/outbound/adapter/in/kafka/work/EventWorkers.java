package com.cpsync.outbound.adapter.in.kafka.work;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cpsync.outbound.application.HandleCenterpointEvent;
import com.cpsync.outbound.application.port.OutcomePublisher;
import com.cpsync.outbound.application.port.SyncOutcomeRecord;
import com.cpsync.outbound.application.port.SyncOutcomeRecord.Result;
import com.cpsync.outbound.application.port.TenantMustWait;
import com.cpsync.outbound.application.port.WaitReason;
import com.cpsync.outbound.domain.events.OutboundEvent;

/**
 * A pool of workers that drain the tenants' lanes: each claim handles one lane's head event,
 * then acknowledges it, parks the lane (TenantMustWait: throttled, failing), sends it to the waiting
 * topic (the tenant is not connected, or earlier events of it wait there: {@link ConnectionWait}), or sets
 * the event aside until the Centerpoint state of its parent is seen (released when it is, or FAILED after
 * {@code parentWait}). Nothing runs before {@code ready} (the settings are loaded).
 */
public class EventWorkers implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventWorkers.class);

    private final TenantWorkQueues<WorkItem> queues;
    private final EventHandling handler;
    private final OutcomePublisher outcomes;
    private final ParkPolicy parkPolicy;
    private final ConnectionWait connectionWait;
    private final Clock clock;
    private final BooleanSupplier ready;
    private final Runnable afterEachItem;
    private final Duration parentWait;
    private final int workerCount;
    private final Function<WorkItem, WorkQueueKey> queueKeys;
    private final InFlightWork inFlight;
    private final Map<String, List<Deferred>> deferredByTenantAndKey = new HashMap<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private ExecutorService pool;

    public EventWorkers(TenantWorkQueues<WorkItem> queues, EventHandling handler, OutcomePublisher outcomes,
            ParkPolicy parkPolicy, ConnectionWait connectionWait, Clock clock, BooleanSupplier ready,
            Runnable afterEachItem, Duration parentWait, int workerCount) {
        this(queues, handler, outcomes, parkPolicy, connectionWait, clock, ready, afterEachItem, parentWait,
                workerCount, item -> WorkQueueKey.single(item.event().tenantId()), new InFlightWork());
    }

    /**
     * @param queueKeys the queue an item set aside for its parent goes back to (as {@link EventIntake} queues it)
     * @param inFlight  counts the items being worked, which a revocation waits for
     */
    public EventWorkers(TenantWorkQueues<WorkItem> queues, EventHandling handler, OutcomePublisher outcomes,
            ParkPolicy parkPolicy, ConnectionWait connectionWait, Clock clock, BooleanSupplier ready,
            Runnable afterEachItem, Duration parentWait, int workerCount, Function<WorkItem, WorkQueueKey> queueKeys,
            InFlightWork inFlight) {
        this.queueKeys = queueKeys;
        this.inFlight = inFlight;
        this.queues = queues;
        this.handler = handler;
        this.outcomes = outcomes;
        this.parkPolicy = parkPolicy;
        this.connectionWait = connectionWait;
        this.clock = clock;
        this.ready = ready;
        this.afterEachItem = afterEachItem;
        this.parentWait = parentWait;
        this.workerCount = workerCount;
    }

    public void start() {
        running.set(true);
        pool = Executors.newFixedThreadPool(workerCount, runnable -> {
            Thread thread = new Thread(runnable, "outbound-worker");
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < workerCount; i++) {
            pool.submit(this::loop);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        if (pool != null) {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** Items set aside for an unseen parent, over all tenants. */
    public synchronized int deferred() {
        return deferredByTenantAndKey.values().stream().mapToInt(List::size).sum();
    }

    private void loop() {
        while (running.get() && !Thread.currentThread().isInterrupted()) {
            try {
                if (!ready.getAsBoolean()) {
                    LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
                    continue;
                }
                expireDeferred();
                queues.claim(Duration.ofMillis(200)).ifPresent(this::work);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            catch (RuntimeException ex) {
                log.error("Worker loop failed; continuing", ex);
            }
        }
    }

    /** Works one claimed item to its end state; public for tests that drive claims by hand. */
    public void work(TenantWorkQueues.Claim<WorkItem> claim) {
        int partition = claim.item().origin().partition();
        inFlight.started(partition);
        try {
            // in the trace the record was consumed in: this runs on a worker, not on the listener's thread
            claim.item().trace().run(() -> workTraced(claim));
        }
        finally {
            inFlight.ended(partition);
        }
        afterEachItem.run();
    }

    private void workTraced(TenantWorkQueues.Claim<WorkItem> claim) {
        switch (connectionWait.admit(claim.item())) {
            case STALE:
                queues.complete(claim);
                break;
            case LATER:
                queues.park(claim, clock.instant().plus(parkPolicy.busyWait()), "READING_WAITING_TOPIC");
                break;
            case WAIT:
                hold(claim, null);
                break;
            default:
                handle(claim);
        }
    }

    private void handle(TenantWorkQueues.Claim<WorkItem> claim) {
        OutboundEvent event = claim.item().event();
        try {
            Optional<String> waitsFor = handler.handle(event);
            if (waitsFor.isPresent()) {
                defer(claim, waitsFor.get());
            }
            else {
                claim.item().acknowledge().run();
                queues.complete(claim);
                release(event.tenantId(), HandleCenterpointEvent.stateKey(event.payload()));
            }
        }
        catch (TenantMustWait wait) {
            if (wait.reason() == WaitReason.DISCONNECTED && !connectionWait.keepsItsPlace(claim.item())) {
                hold(claim, wait.getMessage());
                return;
            }
            Duration delay = parkPolicy.waitFor(wait, claim.attempts());
            log.info("Tenant {} parked for {} ({}): {}", event.tenantId(), delay, wait.reason(), wait.getMessage());
            queues.park(claim, clock.instant().plus(delay), wait.reason().name());
        }
        catch (RuntimeException ex) {
            failOrPark(claim, ex);
        }
    }

    /** To the waiting topic, acknowledged: the tenant's record no longer holds back anything here. */
    private void hold(TenantWorkQueues.Claim<WorkItem> claim, String cause) {
        OutboundEvent event = claim.item().event();
        try {
            connectionWait.hold(claim.item(), cause);
            log.info("Event {} of tenant {} held on the waiting topic: {}", event.eventId(), event.tenantId(),
                    cause == null ? "behind earlier records of the tenant" : cause);
            claim.item().acknowledge().run();
            queues.complete(claim);
        }
        catch (RuntimeException ex) {
            TenantMustWait wait = new TenantMustWait(WaitReason.FAILING, null, ex.getMessage(), ex);
            queues.park(claim, clock.instant().plus(parkPolicy.waitFor(wait, claim.attempts())), "FAILING");
        }
    }

    /** An unexpected error is a FAILED outcome (never an endless retry), unless even that cannot be written. */
    private void failOrPark(TenantWorkQueues.Claim<WorkItem> claim, RuntimeException ex) {
        OutboundEvent event = claim.item().event();
        log.warn("Event {} of tenant {} failed", event.eventId(), event.tenantId(), ex);
        try {
            outcomes.publish(SyncOutcomeRecord.of(event.tenantId(), event.eventId(), HandleCenterpointEvent.kindOf(event.payload()),
                    event.payload().entityId(), Result.FAILED, "unexpected error: " + ex.getMessage()));
            claim.item().acknowledge().run();
            queues.complete(claim);
        }
        catch (RuntimeException publishFailed) {
            TenantMustWait wait = new TenantMustWait(WaitReason.FAILING, null, publishFailed.getMessage(), ex);
            queues.park(claim, clock.instant().plus(parkPolicy.waitFor(wait, claim.attempts())), "FAILING");
        }
    }

    private synchronized void defer(TenantWorkQueues.Claim<WorkItem> claim, String parentKey) {
        setAside(claim.tenantId(), new Deferred(claim.item(), clock.instant().plus(parentWait), parentKey));
        // off the tenant's queue but not acknowledged: its offset holds back the commit until it ends
        queues.complete(claim);
    }

    private void release(String tenantId, String stateKey) {
        List<Deferred> waiting;
        synchronized (this) {
            waiting = deferredByTenantAndKey.remove(tenantId + "|" + stateKey);
        }
        if (waiting != null) {
            waiting.forEach(deferred -> queues.submit(queueKeys.apply(deferred.item()), deferred.item()));
        }
    }

    /**
     * Ends events that waited longer than parentWait for their parent as FAILED (called by the workers).
     * One whose outcome cannot be written now is set aside again and retried on the next sweep: dropped,
     * it would never be acknowledged and would hold back its partition's commits until a restart.
     */
    public void expireDeferred() {
        List<Deferred> expired = new ArrayList<>();
        synchronized (this) {
            Instant now = clock.instant();
            for (Iterator<List<Deferred>> lists = deferredByTenantAndKey.values().iterator(); lists.hasNext(); ) {
                List<Deferred> list = lists.next();
                list.removeIf(deferred -> deferred.expiresAt().isBefore(now) && expired.add(deferred));
                if (list.isEmpty()) {
                    lists.remove();
                }
            }
        }
        for (Deferred deferred : expired) {
            try {
                deferred.item().trace().run(() -> endExpired(deferred));
            }
            catch (RuntimeException ex) {
                OutboundEvent event = deferred.item().event();
                log.warn("Outcome of event {} of tenant {} not written yet; retrying: {}", event.eventId(),
                        event.tenantId(), ex.getMessage());
                setAside(event.tenantId(), deferred);
            }
        }
    }

    /**
     * A stale item (its partition revoked) is dropped; one whose tenant has records in the waiting topic
     * goes there too, as its parent may be among them; any other fails.
     */
    private void endExpired(Deferred deferred) {
        ConnectionWait.Admission admission = connectionWait.admit(deferred.item());
        if (admission == ConnectionWait.Admission.STALE) {
            return;
        }
        if (admission == ConnectionWait.Admission.WAIT) {
            connectionWait.hold(deferred.item(), null);
            deferred.item().acknowledge().run();
            return;
        }
        failMissingParent(deferred);
    }

    private void failMissingParent(Deferred deferred) {
        OutboundEvent event = deferred.item().event();
        outcomes.publish(SyncOutcomeRecord.of(event.tenantId(), event.eventId(),
                HandleCenterpointEvent.kindOf(event.payload()), event.payload().entityId(), Result.FAILED,
                "parent " + deferred.parentKey() + " was never seen; send it from Centerpoint"));
        deferred.item().acknowledge().run();
    }

    private synchronized void setAside(String tenantId, Deferred deferred) {
        deferredByTenantAndKey.computeIfAbsent(tenantId + "|" + deferred.parentKey(), k -> new ArrayList<>())
                .add(deferred);
    }

    private record Deferred(WorkItem item, Instant expiresAt, String parentKey) {
    }
}
