package com.cpsync.outbound.domain.jobs;

/** What becomes of a job whose DisplayName QBO refused as taken (6240). */
public sealed interface JobNameClashDecision {

    /** SUFFIX: create the job again under this suffixed name. */
    record CreateSuffixed(String displayName) implements JobNameClashDecision {
    }

    /** HOLD: write nothing; a CONFLICT outcome with this reason, naming who holds the name. */
    record Hold(String reason) implements JobNameClashDecision {
    }
}
