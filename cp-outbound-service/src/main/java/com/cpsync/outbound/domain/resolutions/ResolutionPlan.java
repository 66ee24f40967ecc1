package com.cpsync.outbound.domain.resolutions;

/** What a resolution comes to before anything is written: dismiss, refuse (still held), or re-run the sync. */
public sealed interface ResolutionPlan {

    /** Nothing is written to QBO; the outcome (SKIPPED_BY_SETTINGS) names who dismissed it. */
    record Dismiss(String reason) implements ResolutionPlan {
    }

    /** The resolution cannot apply; the record stays held, and the CONFLICT outcome says why. */
    record Refuse(String reason) implements ResolutionPlan {
    }

    /** The held entity's normal sync, with this decision instead of asking. */
    record Rerun(GivenDecision decision) implements ResolutionPlan {
    }
}
