package com.cpsync.outbound.domain.companies;

/** What to do with a company: bring it into QBO (match, link or create), update its customer, or skip. */
public sealed interface CompanySyncDecision {

    /** Match before create, then link or create; under WHEN_FIRST_… also when a child needs it. */
    record Ensure() implements CompanySyncDecision {
    }

    /** The company is linked and "send changes" applies: sparse update of what differs. */
    record UpdateLinked() implements CompanySyncDecision {
    }

    /** Nothing goes to QBO; the reason is written as SKIPPED_BY_SETTINGS. */
    record Skip(String reason) implements CompanySyncDecision {
    }
}
