package com.cpsync.syncsupport.mapping;

import java.util.List;

/** Match-before-create: the company's display name, the tenant's policy and suffix, and the QBO evidence. */
public record MatchRequest(String centerpointId, String displayName, ConflictPolicy policy, String suffix,
        List<Candidate> candidates) {

    public MatchRequest {
        candidates = List.copyOf(candidates);
    }
}
