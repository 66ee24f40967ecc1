package com.cpsync.outbound.domain.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DocNumbersTest {

    @Test
    void shouldKeepANumberOfAtMost21Characters() {
        assertThat(DocNumbers.of("SI-1042")).isEqualTo("SI-1042");
        assertThat(DocNumbers.of("123456789012345678901")).isEqualTo("123456789012345678901");
    }

    @Test
    void shouldShortenALongerNumberToAStableHashAndItsTail() {
        String shortened = DocNumbers.of("CENTERPOINT-SERVICE-INVOICE-000123");

        assertThat(shortened).hasSize(21).matches("[0-9a-f]{8}-VOICE-000123")
                .isEqualTo(DocNumbers.of(" CENTERPOINT-SERVICE-INVOICE-000123 "));
    }

    @Test
    void shouldTellApartLongNumbersThatShareTheirTail() {
        assertThat(DocNumbers.of("BRANCH-NORTH-2026-INVOICE-000123"))
                .isNotEqualTo(DocNumbers.of("BRANCH-SOUTH-2026-INVOICE-000123"));
    }

    @Test
    void shouldNameAShortenedNumberOnly() {
        assertThat(DocNumbers.adjustment("SI-1042")).isEmpty();
        assertThat(DocNumbers.adjustment(" ")).isEmpty();
        assertThat(DocNumbers.adjustment("CENTERPOINT-SERVICE-INVOICE-000123")).hasValueSatisfying(words ->
                assertThat(words).contains("CENTERPOINT-SERVICE-INVOICE-000123 (34 characters)",
                        DocNumbers.of("CENTERPOINT-SERVICE-INVOICE-000123"), "QBO allows 21"));
    }

    @Test
    void shouldLeaveTheNumberToQboWhenThereIsNone() {
        assertThat(DocNumbers.of(" ")).isNull();
        assertThat(DocNumbers.of(null)).isNull();
    }
}
