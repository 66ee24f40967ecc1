package com.cpsync.syncsupport.mapping;

import java.util.List;

/** mapping-service's answer to match-before-create, parsed once by the client. */
public sealed interface MatchDecision {

    /** Link the company to this existing customer (reactivate it when it is inactive). */
    record Link(String qboId) implements MatchDecision {
    }

    /** Create a customer under this display name (suffixed when the plain name is taken). */
    record Create(String displayName) implements MatchDecision {
    }

    /** Neither: a human decides. {@code candidates} are the records the decision weighed. */
    record Conflict(String reason, List<Candidate> candidates) implements MatchDecision {

        public Conflict {
            candidates = List.copyOf(candidates);
        }
    }
}
