package com.cpsync.outbound.domain.jobs;

/** Short names for decision types, so decision tables read as text. */
final class DecisionKinds {

    private DecisionKinds() {
    }

    static String of(JobDecision decision) {
        if (decision instanceof JobDecision.Create) {
            return "CREATE";
        }
        if (decision instanceof JobDecision.Update) {
            return "UPDATE";
        }
        if (decision instanceof JobDecision.Skip) {
            return "SKIP";
        }
        return "ALREADY_SYNCED";
    }
}
