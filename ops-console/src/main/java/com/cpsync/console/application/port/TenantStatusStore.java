package com.cpsync.console.application.port;

import java.util.Map;
import java.util.Optional;

import com.cpsync.console.domain.tenant.WorkStatus;

/** The latest work status of each tenant, as cp-outbound-service told it. */
public interface TenantStatusStore {

    Optional<WorkStatus> of(String tenantId);

    /** Stores it as the tenant's status (the caller has decided it supersedes the stored one). */
    void put(WorkStatus status);

    /** A tombstone: the tenant's status is gone. */
    void remove(String tenantId);

    Map<String, WorkStatus> all();
}
