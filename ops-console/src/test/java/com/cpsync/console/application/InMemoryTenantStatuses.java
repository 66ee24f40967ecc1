package com.cpsync.console.application;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.cpsync.console.application.port.TenantStatusStore;
import com.cpsync.console.domain.tenant.WorkStatus;

/** The tenants' work statuses in memory. */
final class InMemoryTenantStatuses implements TenantStatusStore {

    final Map<String, WorkStatus> stored = new HashMap<>();

    @Override
    public Optional<WorkStatus> of(String tenantId) {
        return Optional.ofNullable(stored.get(tenantId));
    }

    @Override
    public void put(WorkStatus status) {
        stored.put(status.tenantId(), status);
    }

    @Override
    public void remove(String tenantId) {
        stored.remove(tenantId);
    }

    @Override
    public Map<String, WorkStatus> all() {
        return Map.copyOf(stored);
    }
}
