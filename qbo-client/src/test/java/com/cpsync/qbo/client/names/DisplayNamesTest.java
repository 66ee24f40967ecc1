package com.cpsync.qbo.client.names;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DisplayNamesTest {

    private static final String SMILEY = "\uD83D\uDE00";

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "Kitchen remodel              | Kitchen remodel",
            "Acme: Kitchen                | Acme- Kitchen",
            "a:b:c                        | a-b-c",
            "'  spaced   out  '           | spaced out",
            "'Roof\trepair\r\nphase\u0000 2' | Roof repair phase 2",
            "'Acme\u00A0\u00A0Renovations'  | Acme Renovations",
            "NULL                         | ''",
    })
    void shouldCleanNamesForQbo(String raw, String expected) {
        assertThat(DisplayNames.displayName(raw)).isEqualTo(expected);
    }

    @Test
    void shouldCutToQbosLimitWithoutSplittingASurrogatePairOrEndingOnASpace() {
        assertThat(DisplayNames.displayName("x".repeat(600))).hasSize(DisplayNames.MAX_LENGTH);
        assertThat(DisplayNames.displayName("a".repeat(499) + SMILEY + "tail")).isEqualTo("a".repeat(499));
        assertThat(DisplayNames.displayName("a".repeat(498) + SMILEY + "tail")).isEqualTo("a".repeat(498) + SMILEY);
        assertThat(DisplayNames.displayName("a".repeat(499) + " b")).isEqualTo("a".repeat(499));
    }

    @Test
    void shouldCutTheNameNotTheSuffix() {
        assertThat(DisplayNames.withSuffix("y".repeat(500), " (2)")).hasSize(500).endsWith("y (2)");
        assertThat(DisplayNames.withSuffix("a".repeat(488) + SMILEY + "bbbbbbbbbb", " (customer)"))
                .isEqualTo("a".repeat(488) + " (customer)");
    }

    @ParameterizedTest(name = "[{0}] + [{1}] -> [{2}]")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "Acme | ' (a:b)\t'   | Acme (a-b)",
            "Acme | NULL         | Acme",
            "'  ' | ' (customer)' | (customer)",
    })
    void shouldCleanTheSuffixButKeepItsLeadingSpace(String name, String suffix, String expected) {
        assertThat(DisplayNames.withSuffix(name, suffix)).isEqualTo(expected);
    }

    @Test
    void shouldMatchCaseSpacesAndTheSeparatorAlike() {
        assertThat(DisplayNames.normalise("  ACME   Renovations ")).isEqualTo("acme renovations");
        assertThat(DisplayNames.sameName("Acme: North", "acme- north")).isTrue();
        assertThat(DisplayNames.sameName(DisplayNames.displayName("Acme:  North"), "Acme:  North")).isTrue();
        assertThat(DisplayNames.isNameOrSuffixed(" acme  renovations", "Acme Renovations", " (customer)")).isTrue();
        assertThat(DisplayNames.isNameOrSuffixed("Acme Renovations (Customer)", "Acme Renovations", " (customer)"))
                .isTrue();
        assertThat(DisplayNames.isNameOrSuffixed("Acme Renovations Ltd", "Acme Renovations", " (customer)")).isFalse();
    }

    @Test
    void shouldQueryEverySpellingAndEscapeLiterals() {
        assertThat(DisplayNames.likePattern(" Acme  Renovations ")).isEqualTo("%acme%renovations%");
        assertThat(DisplayNames.likePattern("100% Pure")).isEqualTo("%100_%pure%");
        assertThat(DisplayNames.queryLiteral("O'Brien")).isEqualTo("'O\\'Brien'");
        assertThat(DisplayNames.queryLiteral("a\\b")).isEqualTo("'a\\\\b'");
    }
}
