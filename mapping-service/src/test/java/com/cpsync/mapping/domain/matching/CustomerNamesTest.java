package com.cpsync.mapping.domain.matching;

import org.junit.jupiter.api.Test;

import com.cpsync.qbo.client.names.DisplayNames;

import static org.assertj.core.api.Assertions.assertThat;

/** Matching uses the sync services' own name rule (tested in qbo-client): what they create, we recognise. */
class CustomerNamesTest {

    @Test
    void shouldSanitiseNormaliseAndSuffixByTheSharedRule() {
        String name = "  Acme:  North\tSide " + "y".repeat(600);

        assertThat(CustomerNames.sanitise(name)).isEqualTo(DisplayNames.displayName(name)).hasSize(500);
        assertThat(CustomerNames.normalise("Acme: North")).isEqualTo("acme- north");
        assertThat(CustomerNames.forCreate(name, " (customer)")).hasSize(500).endsWith("y (customer)");
    }
}
