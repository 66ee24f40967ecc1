package com.cpsync.outbound.adapter.in.kafka.waiting;

import java.util.function.IntSupplier;
import java.util.function.ToIntFunction;

/**
 * How much of the work queues one tenant may fill before its further records wait on the waiting topic as its
 * backlog: a tenant's burst of thousands then costs memory for {@code perTenant} of them, and never fills the
 * intake's bound that would stop every other tenant's records at the consumer.
 *
 * @param queued    a tenant's items in the work queues now
 * @param perTenant the share; {@link Integer#MAX_VALUE} for none
 * @param allQueued every tenant's items in the work queues now
 * @param maxQueued what all backlogs handed back may fill together (the intake's bound)
 */
public record BacklogShare(ToIntFunction<String> queued, int perTenant, IntSupplier allQueued, int maxQueued) {

    public static BacklogShare unlimited() {
        return new BacklogShare(tenant -> 0, Integer.MAX_VALUE, () -> 0, Integer.MAX_VALUE);
    }

    /** More than its share queued: the tenant's next record goes to the waiting topic instead of being handled. */
    public boolean exceeded(String tenant) {
        return queued.applyAsInt(tenant) > perTenant;
    }

    /** Below its share, and the queues below their bound: a record of its backlog may be handed back to its queue. */
    public boolean hasRoom(String tenant) {
        return queued.applyAsInt(tenant) < perTenant && allQueued.getAsInt() < maxQueued;
    }
}
