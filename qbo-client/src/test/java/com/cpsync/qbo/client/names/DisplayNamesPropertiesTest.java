package com.cpsync.qbo.client.names;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        String accepted = DisplayNames.likeEquivalent(raw);
        String literal = DisplayNames.queryLiteral(accepted);
        String body = literal.substring(1, literal.length() - 1);

        assertThat(literal).startsWith("'").endsWith("'");
        assertThat(unescape(body)).isEqualTo(accepted);
    }

    @Property
    void shouldFindEveryNameAndItsSuffixedNameWithALikePatternQboAccepts(@ForAll("names") String raw,
            @ForAll("suffixes") String suffix) {
        String pattern = DisplayNames.likePattern(raw);

        assertThat(DisplayNames.literalAccepts(pattern)).isTrue();
        assertThat(qboLike(DisplayNames.displayName(raw), pattern)).isTrue();
        assertThat(qboLike(DisplayNames.withSuffix(raw, suffix), pattern)).isTrue();
    }

    @Property
    void shouldFindEveryValueByItsLikeEquivalentOrRefuseToQuoteIt(@ForAll("names") String raw) {
        String equivalent = DisplayNames.likeEquivalent(raw);

        assertThat(DisplayNames.literalAccepts(equivalent)).isTrue();
        assertThat(qboLike(raw, equivalent)).isTrue();
        if (DisplayNames.literalAccepts(raw)) {
            assertThat(equivalent).isEqualTo(raw);
        }
        else {
            assertThatThrownBy(() -> DisplayNames.queryLiteral(raw)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> plain = Arbitraries.strings().withChars("abc XYZ:'\\\t\n\r\u00A0%_")
                .withCharRange('\u0000', '\u001F').ofMaxLength(40);
        Arbitrary<String> emoji = Arbitraries.of("\uD83D\uDE00", "\uD83C\uDFE0", "é", "ß", "\u0130stanbul",
                "\u2019", "\u2018", "\u201C", "\u201D", "Bob\u2019s");
        Arbitrary<String> pieces = Arbitraries.oneOf(plain, emoji);
        return pieces.list().ofMaxSize(40).map(list -> String.join("", list))
                .injectDuplicates(0.1).edgeCases(edges -> edges.add("a".repeat(499) + "\uD83D\uDE00").add("\u2019".repeat(600))
                        .add("x\u2019".repeat(300)));
    }

    @Provide
    Arbitrary<String> suffixes() {
        return Arbitraries.of(" (customer)", " (2)", " : sub", "\t(c)", " (\uD83D\uDE00)");
    }

    /**
     * QBO's LIKE as documented (facts §5, §11.1): {@code %} is the only wildcard; case is ignored. Matched
     * segment by segment (first as a prefix, last as a suffix, the rest leftmost in order), which is exact
     * for {@code %}-only patterns and linear, where a regex of many {@code .*} backtracks for ever.
     */
    private static boolean qboLike(String text, String pattern) {
        String[] segments = pattern.split("%", -1);
        if (segments.length == 1) {
            return text.equalsIgnoreCase(pattern);
        }
        String first = segments[0];
        String last = segments[segments.length - 1];
        if (text.length() < first.length() + last.length() || !text.regionMatches(true, 0, first, 0, first.length())
                || !text.regionMatches(true, text.length() - last.length(), last, 0, last.length())) {
            return false;
        }
        int from = first.length();
        int end = text.length() - last.length();
        for (int i = 1; i < segments.length - 1; i++) {
            int at = indexOfIgnoringCase(text, segments[i], from, end);
            if (at < 0) {
                return false;
            }
            from = at + segments[i].length();
        }
        return true;
    }

    private static int indexOfIgnoringCase(String text, String segment, int from, int end) {
        for (int at = from; at + segment.length() <= end; at++) {
            if (text.regionMatches(true, at, segment, 0, segment.length())) {
                return at;
            }
        }
        return -1;
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
