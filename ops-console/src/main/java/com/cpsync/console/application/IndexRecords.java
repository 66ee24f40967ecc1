package com.cpsync.console.application;

import com.cpsync.console.application.port.DeadLetterStore;
import com.cpsync.console.application.port.OutcomeIndex;
import com.cpsync.console.application.port.PayloadSummaries;
import com.cpsync.console.domain.deadletter.ConsumedDeadLetter;
import com.cpsync.console.domain.deadletter.DeadLetterFacts;
import com.cpsync.console.domain.outcome.EntityLabel;
import com.cpsync.console.domain.outcome.IndexedOutcome;

/** Keeps what the console consumes: outcomes, Centerpoint labels and dead letters, each once. */
public record IndexRecords(OutcomeIndex outcomes, DeadLetterStore deadLetters, PayloadSummaries summaries) {

    public void outcome(IndexedOutcome outcome) {
        outcomes.add(outcome);
    }

    public void label(EntityLabel label) {
        outcomes.label(label);
    }

    public void deadLetter(ConsumedDeadLetter record) {
        DeadLetterFacts facts = DeadLetterFacts.of(record);
        if (facts.tenantId() == null && facts.realmId() != null) {
            facts = facts.withTenant(outcomes.tenantOfRealm(facts.realmId()).orElse(null));
        }
        deadLetters.add(record, facts, summaries.summarise(facts.originalTopic(), record.value()));
    }
}
