package com.cpsync.syncsupport.mapping;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Link lookups of one tenant and entity type that arrive while one is in flight go together in the next call:
 * an idle tenant's lookup goes alone and at once (the single lookup), and a tenant whose events run side by side in
 * many lanes asks mapping-service once for up to {@code maxBatch} of them instead of once each. The bench's filter
 * stage (P5, docs/performance.md) spent its time in these lookups: a skip decision depends on whether the company is
 * linked.
 * <p>
 * No thread works for another after its own answer: the thread that sends a call answers everyone in it, then hands
 * the next call to the first lookup that arrived meanwhile. A lookup answers what mapping-service held when its call
 * was made, which is never earlier than when it was asked, so a coalesced lookup is as fresh as a single one.
 */
public final class CoalescedLinkLookups {

    /** Where links are looked up: mapping-service's client. */
    public interface LinkSource {

        Optional<EntityLink> findLink(String tenantId, LinkedEntity entity, String centerpointId);

        /** The links of those ids that have one, by Centerpoint id, in one call. */
        Map<String, EntityLink> findLinks(String tenantId, LinkedEntity entity, Collection<String> centerpointIds);
    }

    private final LinkSource source;
    private final int maxBatch;
    /**
     * Guarded by {@code this}: the lookups of each tenant and type that wait for their call. A tenant and type has
     * an entry exactly while one of its calls is in flight.
     */
    private final Map<Key, ArrayDeque<Lookup>> lanes = new HashMap<>();

    /** @param maxBatch the most lookups one call carries */
    public CoalescedLinkLookups(LinkSource source, int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, got " + maxBatch);
        }
        this.source = source;
        this.maxBatch = maxBatch;
    }

    /**
     * The link of one Centerpoint id, or empty. A failure of the call it went in (mapping-service unavailable or
     * refusing) is thrown to every lookup of that call.
     */
    public Optional<EntityLink> find(String tenantId, LinkedEntity entity, String centerpointId) {
        Key key = new Key(tenantId, entity);
        Lookup mine = new Lookup(centerpointId);
        boolean sendsNow;
        synchronized (this) {
            // no call in flight: this lookup goes now
            sendsNow = !lanes.containsKey(key);
            lanes.computeIfAbsent(key, k -> new ArrayDeque<>()).add(mine);
        }
        if (sendsNow || mine.turn.join() == Turn.SEND) {
            send(key);
        }
        return mine.answer();
    }

    /** How many lookups of the tenant and type wait for a call (not counting one in flight). */
    synchronized int waiting(String tenantId, LinkedEntity entity) {
        ArrayDeque<Lookup> waiting = lanes.get(new Key(tenantId, entity));
        return waiting == null ? 0 : waiting.size();
    }

    /** Sends the lane's next call (the sender's own lookup is at its head) and hands the lane on. */
    private void send(Key key) {
        List<Lookup> call = new ArrayList<>();
        synchronized (this) {
            ArrayDeque<Lookup> waiting = lanes.get(key);
            while (!waiting.isEmpty() && call.size() < maxBatch) {
                call.add(waiting.poll());
            }
        }
        try {
            answer(key, call);
        }
        catch (RuntimeException ex) {
            // the same exception for each: its type is what callers act on (wait for an outage, report a refusal)
            call.forEach(lookup -> lookup.failure = ex);
        }
        finally {
            Lookup next;
            synchronized (this) {
                next = lanes.get(key).peek();
                if (next == null) {
                    lanes.remove(key);
                }
            }
            call.subList(1, call.size()).forEach(lookup -> lookup.turn.complete(Turn.ANSWERED));
            if (next != null) {
                next.turn.complete(Turn.SEND);
            }
        }
    }

    private void answer(Key key, List<Lookup> call) {
        if (call.size() == 1) {
            call.get(0).found = source.findLink(key.tenantId(), key.entity(), call.get(0).centerpointId);
            return;
        }
        List<String> ids = call.stream().map(lookup -> lookup.centerpointId).distinct().toList();
        Map<String, EntityLink> found = source.findLinks(key.tenantId(), key.entity(), ids);
        call.forEach(lookup -> lookup.found = Optional.ofNullable(found.get(lookup.centerpointId)));
    }

    private record Key(String tenantId, LinkedEntity entity) {
    }

    private enum Turn { SEND, ANSWERED }

    /** One caller's lookup; its answer is written before its turn completes, which publishes it to the caller. */
    private static final class Lookup {
        private final String centerpointId;
        private final CompletableFuture<Turn> turn = new CompletableFuture<>();
        private Optional<EntityLink> found;
        private RuntimeException failure;

        private Lookup(String centerpointId) {
            this.centerpointId = centerpointId;
        }

        private Optional<EntityLink> answer() {
            if (failure != null) {
                throw failure;
            }
            if (found == null) {
                throw new IllegalStateException("the call that carried the lookup of " + centerpointId
                        + " ended without an answer");
            }
            return found;
        }
    }
}
