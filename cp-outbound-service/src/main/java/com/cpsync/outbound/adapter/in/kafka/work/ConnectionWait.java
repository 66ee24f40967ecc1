package com.cpsync.outbound.adapter.in.kafka.work;

/**
 * Where the workers send the records of a tenant that cannot sync for want of a QBO connection: to the
 * waiting topic, so that they hold back neither other tenants' commits nor memory.
 */
public interface ConnectionWait {

    /** What a worker does with a claimed item before handling it. */
    enum Admission {
        /** Handle it. */
        HANDLE,
        /** Send it to the waiting topic unhandled: earlier records of its tenant wait there. */
        WAIT,
        /** Not yet known (the waiting partition is still being read): park the tenant briefly. */
        LATER,
        /** Its partition was revoked: drop it; the partition's new owner reads it again. */
        STALE
    }

    Admission admit(WorkItem item);

    /**
     * Whether the item must stay in its queue even when its tenant turns out not to be connected: it was queued
     * before its tenant's backlog went to the waiting topic, and sent there it would come back behind it (the
     * worker parks it instead; the share bounds what stays in memory that way).
     */
    default boolean keepsItsPlace(WorkItem item) {
        return false;
    }

    /**
     * Sends the item to the waiting topic, with its WAITING_FOR_CONNECTION outcome the first time it goes
     * there; returns once both are durable (the caller then acknowledges the item), throws otherwise.
     *
     * @param cause why the tenant cannot sync (mapping-service's answer), or null when it waits behind
     *              earlier records of its tenant
     */
    void hold(WorkItem item, String cause);
}
