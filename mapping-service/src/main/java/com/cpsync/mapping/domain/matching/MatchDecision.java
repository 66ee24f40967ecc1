package com.cpsync.mapping.domain.matching;

/** Outcome of match-before-create for one Centerpoint company. */
public sealed interface MatchDecision {

    /** Link to an existing customer; when it is inactive the caller should reactivate it. */
    record Link(String qboId) implements MatchDecision {
    }

    /** Create a new customer with this (sanitised) display name. */
    record Create(String displayName) implements MatchDecision {
    }

    /** Do not create or link: a human has to decide. */
    record Conflict(String reason) implements MatchDecision {
    }
}
