package com.cpsync.mapping.application;

import java.util.List;

import com.cpsync.mapping.application.port.ConflictStore;
import com.cpsync.mapping.application.port.ConflictStore.CustomerConflict;
import com.cpsync.mapping.domain.matching.Candidate;
import com.cpsync.mapping.domain.matching.CustomerMatchPolicy;
import com.cpsync.mapping.domain.matching.MatchDecision;
import com.cpsync.mapping.domain.matching.NameConflictPolicy;

/** Decides match-before-create and keeps the open conflicts visible until a later decision resolves them. */
public class CustomerMatching {

    private final ConflictStore conflicts;

    public CustomerMatching(ConflictStore conflicts) {
        this.conflicts = conflicts;
    }

    public MatchDecision match(String tenantId, String centerpointId, String displayName, NameConflictPolicy policy,
                               String suffix, List<Candidate> candidates) {
        MatchDecision decision = CustomerMatchPolicy.decide(displayName, policy, suffix, candidates);
        if (decision instanceof MatchDecision.Conflict conflict) {
            conflicts.record(tenantId, centerpointId, displayName, conflict.reason());
        } else {
            conflicts.resolve(tenantId, centerpointId);
        }
        return decision;
    }

    public List<CustomerConflict> conflicts(String tenantId) {
        return conflicts.list(tenantId);
    }
}
