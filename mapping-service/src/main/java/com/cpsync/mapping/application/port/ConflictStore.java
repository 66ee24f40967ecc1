package com.cpsync.mapping.application.port;

import java.time.Instant;
import java.util.List;

/** Open name conflicts from match-before-create: at most one per company, until a later decision clears it. */
public interface ConflictStore {

    record CustomerConflict(String tenantId, String centerpointId, String displayName, String reason,
                            Instant createdAt, Instant updatedAt) {
    }

    /** Stores the conflict, or replaces the company's earlier one. */
    void record(String tenantId, String centerpointId, String displayName, String reason);

    /** Clears the company's conflict, if any. */
    void resolve(String tenantId, String centerpointId);

    /** The tenant's open conflicts, oldest first. */
    List<CustomerConflict> list(String tenantId);
}
