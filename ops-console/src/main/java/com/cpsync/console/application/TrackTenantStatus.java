package com.cpsync.console.application;

import com.cpsync.console.application.port.TenantStatusStore;
import com.cpsync.console.domain.tenant.WorkStatus;

/** Keeps each tenant's latest work status: a record replaces the stored one only when it supersedes it. */
public record TrackTenantStatus(TenantStatusStore statuses) {

    /** @return whether it was stored */
    public boolean status(WorkStatus status) {
        if (!status.supersedes(statuses.of(status.tenantId()).orElse(null))) {
            return false;
        }
        statuses.put(status);
        return true;
    }

    public void gone(String tenantId) {
        statuses.remove(tenantId);
    }
}
