package com.cpsync.outbound.domain.resolutions;

/**
 * What a resolution comes to before anything is written: dismiss, refuse (still held), wait for the entity's
 * state, or re-run the sync.
 */
public sealed interface ResolutionPlan {

    /** Nothing is written to QBO; the outcome (SKIPPED_BY_SETTINGS) names who dismissed it. */
    record Dismiss(String reason) implements ResolutionPlan {
    }

    /** The resolution cannot apply; the record stays held, and the CONFLICT outcome says why. */
    record Refuse(String reason) implements ResolutionPlan {
    }

    /**
     * The held entity's state is not known here yet: it is saved just after the held outcome is written, and
     * another instance learns it from the entity-state topic a moment later. Try again later.
     */
    record AwaitState(String reason) implements ResolutionPlan {
    }

    /** The held entity's normal sync, with this decision instead of asking. */
    record Rerun(GivenDecision decision) implements ResolutionPlan {
    }
}
