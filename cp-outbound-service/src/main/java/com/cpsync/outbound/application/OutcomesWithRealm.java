package com.cpsync.outbound.application;

import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cpsync.outbound.application.port.OutcomePublisher;
import com.cpsync.outbound.application.port.SyncOutcomeRecord;

/**
 * Fills the tenant's realm into every outcome that does not name one. The lookup is best effort: an
 * outcome is never held back because mapping-service cannot say the realm right now.
 */
public class OutcomesWithRealm implements OutcomePublisher {

    private static final Logger log = LoggerFactory.getLogger(OutcomesWithRealm.class);

    private final OutcomePublisher outcomes;
    private final Function<String, Optional<String>> realmOf;

    public OutcomesWithRealm(OutcomePublisher outcomes, Function<String, Optional<String>> realmOf) {
        this.outcomes = outcomes;
        this.realmOf = realmOf;
    }

    @Override
    public void publish(SyncOutcomeRecord outcome) {
        outcomes.publish(outcome.realmId() != null ? outcome : outcome.withRealm(realm(outcome.tenantId())));
    }

    private String realm(String tenantId) {
        try {
            return realmOf.apply(tenantId).orElse(null);
        }
        catch (RuntimeException ex) {
            log.debug("Realm of tenant {} unknown for now: {}", tenantId, ex.getMessage());
            return null;
        }
    }
}
