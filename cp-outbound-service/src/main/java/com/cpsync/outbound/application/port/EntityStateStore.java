package com.cpsync.outbound.application.port;

import java.util.Optional;

import com.cpsync.outbound.domain.events.StateSource;

/**
 * The latest Centerpoint state seen per tenant and entity (companies, projects, tickets, invoices),
 * so a thin trigger (a ProjectCreated naming only its companyId) can bring its parent along and a
 * change can be diffed against the previous state. Each state keeps the event it came from, so that an older
 * event met later is known as older. Durable: saving returns once it is stored.
 */
public interface EntityStateStore {

    <T> Optional<T> find(String tenantId, Class<T> type, String id);

    /** The event the entity's state came from; empty when no state is kept, or it was kept without its source. */
    Optional<StateSource> sourceOf(String tenantId, Class<?> type, String id);

    void save(String tenantId, String id, Object entity, StateSource source);
}
