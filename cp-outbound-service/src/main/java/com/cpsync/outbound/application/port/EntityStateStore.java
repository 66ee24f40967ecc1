package com.cpsync.outbound.application.port;

import java.util.Optional;

/**
 * The latest Centerpoint state seen per tenant and entity (companies, projects, tickets, invoices),
 * so a thin trigger (a ProjectCreated naming only its companyId) can bring its parent along and a
 * change can be diffed against the previous state. Durable: saving returns once it is stored.
 */
public interface EntityStateStore {

    <T> Optional<T> find(String tenantId, Class<T> type, String id);

    void save(String tenantId, String id, Object entity);
}
