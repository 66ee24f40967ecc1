package com.cpsync.outbound.application.port;

/**
 * Tells others (ops-console) that a tenant was parked or runs again. Must return at once and never throw: a
 * status that cannot be sent is lost, never a delay of the tenant's work.
 */
public interface TenantStatusPublisher {

    TenantStatusPublisher NONE = change -> { };

    void publish(TenantStatusChange change);
}
