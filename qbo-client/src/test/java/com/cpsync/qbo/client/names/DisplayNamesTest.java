package com.cpsync.qbo.client.names;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DisplayNamesTest {

    private static final String SMILEY = "\uD83D\uDE00";

    /** A LIKE pattern turns every run of what a literal cannot carry (space, %, curly quotes) into one wildcard. */
    @ParameterizedTest(name = "[{0}] -> [{1}], looked up as [{2}]")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "Kitchen remodel                    | Kitchen remodel        | %Kitchen%remodel%",
            "Acme: Kitchen                      | Acme- Kitchen          | %Acme-%Kitchen%",
            "a:b:c                              | a-b-c                  | %a-b-c%",
            "\"  spaced   out  \"               | spaced out             | %spaced%out%",
            "\"Roof\trepair\r\nphase\u0000 2\"     | Roof repair phase 2    | %Roof%repair%phase%2%",
            "\"Acme\u00A0\u00A0Renovations\"      | Acme Renovations       | %Acme%Renovations%",
            "Bob\u2019s Plumbing                | Bob\u2019s Plumbing     | %Bob%s%Plumbing%",
            "\u201CBest\u201D \u2018Roofs\u2019      | \u201CBest\u201D \u2018Roofs\u2019 | %Best%Roofs%",
            "O'Brien \u2019 Sons                 | O'Brien \u2019 Sons     | %O'Brien%Sons%",
            "Caf\u00e9 \uD83C\uDFE0 Ltd          | Caf\u00e9 \uD83C\uDFE0 Ltd | %Caf\u00e9%\uD83C\uDFE0%Ltd%",
    })
    void shouldCleanNamesForQboAndLookThemUpByEverySpelling(String raw, String displayName, String likePattern) {
        assertThat(DisplayNames.displayName(raw)).isEqualTo(displayName);
        assertThat(DisplayNames.likePattern(raw)).isEqualTo(likePattern);
    }

    @Test
    void shouldCleanNoNameToAnEmptyOne() {
        assertThat(DisplayNames.displayName(null)).isEmpty();
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
        assertThat(DisplayNames.likePattern(" Acme  Renovations ")).isEqualTo("%Acme%Renovations%");
        // QBO's LIKE knows only %: the name's own % can only be a wildcard, and _ is itself
        assertThat(DisplayNames.likePattern("100% Pure_Water")).isEqualTo("%100%Pure_Water%");
        assertThat(DisplayNames.queryLiteral("O'Brien")).isEqualTo("'O\\'Brien'");
        assertThat(DisplayNames.queryLiteral("a\\b")).isEqualTo("'a\\\\b'");
    }

    @Test
    void shouldRefuseToQuoteWhatQbosLexerRefuses() {
        assertThat(DisplayNames.literalAccepts("Bob's")).isTrue();
        assertThat(DisplayNames.literalAccepts("Bob\u2019s")).isFalse();
        assertThatThrownBy(() -> DisplayNames.queryLiteral("\u201CBob\u2019s\u201D"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("U+201C, U+2019, U+201D");
        assertThat(DisplayNames.likeEquivalent("INV\u2019\u2019 7\u201D")).isEqualTo("INV% 7%");
    }
}
