package com.cpsync.sandbox.domain.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.cpsync.sandbox.domain.Dice;

/**
 * Decides the fate of each webhook POST under the delivery faults: dropped (never sent), sent several
 * times, or, when shuffling, held back so that later POSTs overtake it. A held POST goes out right after
 * the next fresh ones that are sent, or once it has waited {@code maxHold}, so none is held for ever.
 * Seeded, the same POSTs meet the same fate in every run.
 *
 * @param <P> a POST (its body)
 */
public final class DeliveryPlanner<P> {

    private static final double HOLD_CHANCE = 0.5;

    private record Held<P>(P post, Instant since) {
    }

    private final Duration maxHold;
    private final List<Held<P>> held = new ArrayList<>();
    private WebhookFaults faults = WebhookFaults.NONE;
    private Dice drops;
    private Dice holds;
    private Dice order;
    private long dropped;

    public DeliveryPlanner(Duration maxHold) {
        this.maxHold = maxHold;
        reseed(null);
    }

    public synchronized WebhookFaults faults() {
        return faults;
    }

    /** New faults; with {@code reseed} the dice start again from their seed. */
    public synchronized void faults(WebhookFaults newFaults, boolean reseed) {
        faults = newFaults;
        if (reseed) {
            reseed(newFaults.seed());
        }
    }

    /** The POSTs to send now, in order, given the fresh ones of this round (in the order they were built). */
    public synchronized List<P> plan(List<P> fresh, Instant now) {
        List<P> copies = new ArrayList<>();
        for (P post : fresh) {
            if (drops.next() < faults.dropRate()) {
                dropped++;
                continue;
            }
            for (int i = 0; i < faults.duplicates(); i++) {
                copies.add(post);
            }
        }
        List<P> sendNow = new ArrayList<>();
        List<Held<P>> newlyHeld = new ArrayList<>();
        if (faults.shuffle()) {
            order.shuffle(copies);
            for (P post : copies) {
                if (holds.next() < HOLD_CHANCE) {
                    newlyHeld.add(new Held<>(post, now));
                } else {
                    sendNow.add(post);
                }
            }
        } else {
            sendNow.addAll(copies);
        }
        releaseHeld(sendNow, !sendNow.isEmpty() || !faults.shuffle(), now);
        held.addAll(newlyHeld);
        return sendNow;
    }

    /** POSTs dropped so far. */
    public synchronized long dropped() {
        return dropped;
    }

    /** POSTs held back at the moment. */
    public synchronized int held() {
        return held.size();
    }

    private void releaseHeld(List<P> sendNow, boolean overtaken, Instant now) {
        for (Iterator<Held<P>> it = held.iterator(); it.hasNext(); ) {
            Held<P> h = it.next();
            if (overtaken || !h.since().plus(maxHold).isAfter(now)) {
                sendNow.add(h.post());
                it.remove();
            }
        }
    }

    private void reseed(Long seed) {
        drops = new Dice(seed, "dropRate");
        holds = new Dice(seed, "shuffle.hold");
        order = new Dice(seed, "shuffle.order");
    }
}
