package com.cpsync.qbo.client.names;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DisplayNamesTest {

    private static final String SMILEY = "\uD83D\uDE00";

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', value = {
            "Kitchen remodel           | Kitchen remodel",
            "Acme: Kitchen             | Acme- Kitchen",
            "'  spaced   out  '        | spaced out",
            "a:b:c                     | a-b-c",
    })
    void shouldCleanNamesForQbo(String raw, String expected) {
        assertThat(DisplayNames.displayName(raw)).isEqualTo(expected);
    }

    @Test
    void shouldReplaceTabsNewlinesAndOtherControlsWithOneSpace() {
        assertThat(DisplayNames.displayName("Roof\trepair\r\nphase\u0000 2")).isEqualTo("Roof repair phase 2");
        assertThat(DisplayNames.displayName("Acme: North\tSide")).isEqualTo("Acme- North Side");
    }

    @Test
    void shouldTreatANoBreakSpaceAsASpace() {
        assertThat(DisplayNames.displayName("Acme\u00A0\u00A0Renovations")).isEqualTo("Acme Renovations");
    }

    @Test
    void shouldTurnNullIntoAnEmptyName() {
        assertThat(DisplayNames.displayName(null)).isEmpty();
        assertThat(DisplayNames.normalise(null)).isEmpty();
    }

    @Test
    void shouldCutNamesToQbosLimit() {
        assertThat(DisplayNames.displayName("x".repeat(600))).hasSize(DisplayNames.MAX_LENGTH);
    }

    @Test
    void shouldNeverSplitASurrogatePairWhenCutting() {
        String name = "a".repeat(499) + SMILEY + "tail";

        assertThat(DisplayNames.displayName(name)).isEqualTo("a".repeat(499));
    }

    @Test
    void shouldKeepAWholeSurrogatePairThatFitsExactly() {
        String name = "a".repeat(498) + SMILEY + "tail";

        assertThat(DisplayNames.displayName(name)).isEqualTo("a".repeat(498) + SMILEY);
    }

    @Test
    void shouldNotEndACutNameWithASpace() {
        String name = "a".repeat(499) + " b";

        assertThat(DisplayNames.displayName(name)).isEqualTo("a".repeat(499));
    }

    @Test
    void shouldKeepTheWholeSuffixWithinTheLimit() {
        String suffixed = DisplayNames.withSuffix("y".repeat(500), " (2)");

        assertThat(suffixed).hasSize(500).endsWith("y (2)");
    }

    @Test
    void shouldNotSplitASurrogatePairToMakeRoomForTheSuffix() {
        String name = "a".repeat(488) + SMILEY + "bbbbbbbbbb";

        assertThat(DisplayNames.withSuffix(name, " (customer)")).isEqualTo("a".repeat(488) + " (customer)");
    }

    @Test
    void shouldCleanTheSuffixButKeepItsLeadingSpace() {
        assertThat(DisplayNames.withSuffix("Acme", " (a:b)\t")).isEqualTo("Acme (a-b)");
        assertThat(DisplayNames.withSuffix("Acme", null)).isEqualTo("Acme");
        assertThat(DisplayNames.withSuffix("  ", " (customer)")).isEqualTo("(customer)");
    }

    @Test
    void shouldNormaliseCaseSpacesAndTheSeparator() {
        assertThat(DisplayNames.normalise("  ACME   Renovations ")).isEqualTo("acme renovations");
        assertThat(DisplayNames.normalise("Acme: North")).isEqualTo(DisplayNames.normalise("acme- north"));
    }

    @Test
    void shouldMatchTheNameOfTheCustomerCreatedFromIt() {
        String centerpointName = "Acme:  North";

        assertThat(DisplayNames.sameName(DisplayNames.displayName(centerpointName), centerpointName)).isTrue();
    }

    @Test
    void shouldAcceptTheNameAndTheSuffixedNameAsCandidates() {
        assertThat(DisplayNames.isNameOrSuffixed(" acme  renovations", "Acme Renovations", " (customer)")).isTrue();
        assertThat(DisplayNames.isNameOrSuffixed("Acme Renovations (Customer)", "Acme Renovations", " (customer)"))
                .isTrue();
        assertThat(DisplayNames.isNameOrSuffixed("Acme Renovations Ltd", "Acme Renovations", " (customer)")).isFalse();
    }

    @Test
    void shouldBuildALikePatternToleratingAnySpacing() {
        assertThat(DisplayNames.likePattern(" Acme  Renovations ")).isEqualTo("%acme%renovations%");
        assertThat(DisplayNames.likePattern("100% Pure")).isEqualTo("%100_%pure%");
    }

    @Test
    void shouldEscapeQuotesAndBackslashesInQueryLiterals() {
        assertThat(DisplayNames.queryLiteral("O'Brien")).isEqualTo("'O\\'Brien'");
        assertThat(DisplayNames.queryLiteral("a\\b")).isEqualTo("'a\\\\b'");
    }
}
