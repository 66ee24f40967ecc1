package com.cpsync.outbound.adapter.in.kafka.work;

import java.util.Objects;

/**
 * Where a work item waits: the {@code tenant} whose queues it joins (its status, its share of the workers),
 * the {@code lane} within the tenant that keeps its order, and the {@code entity} it is about: an entity with
 * items already waiting keeps to their lane, whatever lane its newer items name. {@code exclusive}, when set,
 * is held while the item is worked: no other item of the tenant with the same one is worked at the same time
 * (two companies of one name must not look for and create it side by side).
 */
public record WorkQueueKey(String tenant, String lane, String entity, String exclusive) {

    /** The tenant's one lane: its items strictly in order. */
    public static WorkQueueKey single(String tenant) {
        return new WorkQueueKey(tenant, "", null, null);
    }

    public WorkQueueKey(String tenant, String lane, String entity) {
        this(tenant, lane, entity, null);
    }

    public WorkQueueKey {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(lane, "lane");
    }
}
