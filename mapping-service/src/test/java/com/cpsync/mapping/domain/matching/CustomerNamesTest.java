package com.cpsync.mapping.domain.matching;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Matching uses the sync services' own name rule: what they create, mapping-service recognises. */
class CustomerNamesTest {

    @Test
    void shouldNormaliseTheWayTheSyncServicesCreateNames() {
        assertThat(CustomerNames.normalise("  Acme:  North\tSide ")).isEqualTo("acme- north side");
    }

    @Test
    void shouldKeepTheWholeSuffixWithinQbosLimit() {
        String created = CustomerNames.forCreate("y".repeat(600), " (customer)");

        assertThat(created).hasSize(500).endsWith("y (customer)");
    }

    @Test
    void shouldNotSplitASurrogatePairWhenCapping() {
        String created = CustomerNames.forCreate("a".repeat(488) + "\uD83D\uDE00" + "tail", " (customer)");

        assertThat(created).isEqualTo("a".repeat(488) + " (customer)");
    }

    @Test
    void shouldCreateThePlainNameWithoutASuffix() {
        assertThat(CustomerNames.forCreate(" Acme  Renovations ", "")).isEqualTo("Acme Renovations");
        assertThat(CustomerNames.sanitise("Acme: North")).isEqualTo("Acme- North");
    }
}
