package com.cpsync.console.domain.outcome;

/** An outcome of a tenant's trail, with the Centerpoint number or name of its entity when the console has seen it. */
public record TrailEntry(long id, IndexedOutcome outcome, String label) {
}
