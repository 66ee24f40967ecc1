package com.cpsync.inbound.domain.decision;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads decisions in tests: the command of one that must be {@link Decision.Synced}. */
final class DecisionKinds {

    private DecisionKinds() {
    }

    static Command commandOf(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Synced.class);
        return ((Decision.Synced) decision).command();
    }
}
