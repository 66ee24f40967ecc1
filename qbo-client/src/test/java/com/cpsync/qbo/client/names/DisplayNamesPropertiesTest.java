package com.cpsync.qbo.client.names;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/** What must hold for every name, including long ones, emoji and control characters. */
class DisplayNamesPropertiesTest {

    @Property
    void shouldAlwaysGiveANameQboAccepts(@ForAll("names") String raw) {
        String name = DisplayNames.displayName(raw);

        assertThat(name.length()).isLessThanOrEqualTo(DisplayNames.MAX_LENGTH);
        assertThat(name).doesNotContain(":", "\t", "\n", "\r", "  ").isEqualTo(name.trim());
        assertThat(hasSplitSurrogate(name)).isFalse();
    }

    @Property
    void shouldBeStableWhenAppliedTwice(@ForAll("names") String raw) {
        String once = DisplayNames.displayName(raw);

        assertThat(DisplayNames.displayName(once)).isEqualTo(once);
    }

    @Property
    void shouldKeepTheSuffixAndTheLimit(@ForAll("names") String raw, @ForAll("suffixes") String suffix) {
        String suffixed = DisplayNames.withSuffix(raw, suffix);

        assertThat(suffixed.length()).isLessThanOrEqualTo(DisplayNames.MAX_LENGTH);
        assertThat(suffixed).endsWith(DisplayNames.clean(suffix));
        assertThat(hasSplitSurrogate(suffixed)).isFalse();
        assertThat(DisplayNames.displayName(suffixed)).isEqualTo(suffixed);
    }

    @Property
    void shouldMatchItsOwnDisplayNameAndSuffixedName(@ForAll("names") String raw, @ForAll("suffixes") String suffix) {
        assertThat(DisplayNames.isNameOrSuffixed(DisplayNames.displayName(raw), raw, suffix)).isTrue();
        assertThat(DisplayNames.isNameOrSuffixed(DisplayNames.withSuffix(raw, suffix), raw, suffix)).isTrue();
    }

    @Property
    void shouldQuoteEveryLiteralSoNoQuoteEndsItEarly(@ForAll("names") String raw) {
        String literal = DisplayNames.queryLiteral(raw);
        String body = literal.substring(1, literal.length() - 1);

        assertThat(literal).startsWith("'").endsWith("'");
        assertThat(unescape(body)).isEqualTo(raw);
    }

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> plain = Arbitraries.strings().withChars("abc XYZ:'\\\t\n\r\u00A0%")
                .withCharRange('\u0000', '\u001F').ofMaxLength(40);
        Arbitrary<String> emoji = Arbitraries.of("\uD83D\uDE00", "\uD83C\uDFE0", "é", "ß");
        Arbitrary<String> pieces = Arbitraries.oneOf(plain, emoji);
        return pieces.list().ofMaxSize(40).map(list -> String.join("", list))
                .injectDuplicates(0.1).edgeCases(edges -> edges.add("a".repeat(499) + "\uD83D\uDE00"));
    }

    @Provide
    Arbitrary<String> suffixes() {
        return Arbitraries.of(" (customer)", " (2)", " : sub", "\t(c)", " (\uD83D\uDE00)");
    }

    private static boolean hasSplitSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))) {
                return true;
            }
            if (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                return true;
            }
        }
        return false;
    }

    /** Reads a literal body the way QBO does: a backslash takes the next character as it is. */
    private static String unescape(String body) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\') {
                out.append(body.charAt(++i));
            }
            else {
                assertThat(c).as("an unescaped quote would end the literal").isNotEqualTo('\'');
                out.append(c);
            }
        }
        return out.toString();
    }
}
