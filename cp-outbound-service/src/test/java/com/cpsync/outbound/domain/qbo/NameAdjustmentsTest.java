package com.cpsync.outbound.domain.qbo;

import org.junit.jupiter.api.Test;

import com.cpsync.qbo.client.names.DisplayNames;

import static org.assertj.core.api.Assertions.assertThat;

class NameAdjustmentsTest {

    @Test
    void shouldSayNothingOfANameSentAsItIsOrMerelyTidied() {
        assertThat(NameAdjustments.of("Bob\u2019s  Plumbing ", "Bob\u2019s Plumbing")).isEmpty();
    }

    @Test
    void shouldNameTheReplacedSeparator() {
        assertThat(NameAdjustments.of("Acme: North", "Acme- North"))
                .containsExactly("':' in the name sent as '-' (QBO keeps ':' for sub-customers)");
    }

    @Test
    void shouldNameACutAtQbosLimit() {
        String wanted = "x".repeat(600);

        assertThat(NameAdjustments.of(wanted, DisplayNames.displayName(wanted)))
                .containsExactly("name of 600 characters cut to its first 500 (QBO allows 500)");
    }

    @Test
    void shouldNameASuffixAndTheCutThatMadeRoomForIt() {
        assertThat(NameAdjustments.of("Kitchen", "Kitchen (customer)"))
                .containsExactly("the name 'Kitchen' is taken in QBO; sent as 'Kitchen (customer)'");
        String wanted = "y".repeat(500);

        assertThat(NameAdjustments.of(wanted, DisplayNames.withSuffix(wanted, " (2)"))).containsExactly(
                "the name '" + "y".repeat(59) + "…' is taken in QBO; sent as '" + "y".repeat(59) + "…'",
                "name of 500 characters cut to its first 496 (QBO allows 500)");
    }
}
