package com.cpsync.qbo.client.names;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one rule for QBO DisplayNames (Customer, Vendor, Employee and sub-customers share one name
 * space), used to create names, to suffix them, to match them and to query them. QBO refuses
 * {@code :} (its FullyQualifiedName separator, {@code Parent:Child}), tabs and newlines, and caps a
 * DisplayName at {@value #MAX_LENGTH} characters (facts §3). It also holds how a value goes into a
 * query: the literal's escaping, and what QBO's query lexer refuses inside a literal (facts §11.1), so
 * no query is ever built around it. Pure: no I/O, no framework.
 */
public final class DisplayNames {

    /** QBO's cap on DisplayName, in UTF-16 chars as QBO counts them. */
    public static final int MAX_LENGTH = 500;

    /** How much of a long name a LIKE pattern asks for; a suffix never cuts a name shorter than this. */
    static final int LIKE_PREFIX = 200;

    /** What {@code :} becomes: a sub-customer separator inside a name would read as a level in QBO. */
    static final int SEPARATOR_REPLACEMENT = '-';

    /**
     * What QBO's query lexer refuses inside a quoted literal, escaped or not: the typographic quotes
     * U+2018, U+2019, U+201C and U+201D ("Invalid content. Lexical error ..."). Names may carry them.
     */
    public static final String REFUSED_IN_LITERALS = "\u2018\u2019\u201C\u201D";

    private static final Pattern SPACES = Pattern.compile(" {2,}");
    /** A run of what a LIKE pattern cannot say as itself: spaces, refused characters, and {@code %}. */
    private static final Pattern LIKE_WILDCARD_RUNS = Pattern.compile("[ %" + REFUSED_IN_LITERALS + "]+");
    private static final Pattern REFUSED_RUNS = Pattern.compile("[" + REFUSED_IN_LITERALS + "]+");

    private DisplayNames() {
    }

    /**
     * A name QBO accepts, whatever its length: {@code :} becomes {@code -}, control characters and every
     * kind of whitespace become one space, runs of spaces collapse, ends are trimmed; null becomes "".
     */
    public static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length());
        raw.codePoints().forEach(cp -> out.appendCodePoint(cleanCodePoint(cp)));
        return SPACES.matcher(out).replaceAll(" ").trim();
    }

    /** The DisplayName to send: {@link #clean} and cut to {@value #MAX_LENGTH} without splitting a surrogate pair. */
    public static String displayName(String raw) {
        return cut(clean(raw), MAX_LENGTH);
    }

    /**
     * The name with the tenant's suffix (e.g. " (customer)"): the name is cut first so the whole suffix
     * survives and the result stays within {@value #MAX_LENGTH}. The suffix's leading space is kept.
     */
    public static String withSuffix(String name, String suffix) {
        String tail = clean("x" + (suffix == null ? "" : suffix)).substring(1);
        String base = cut(displayName(name), Math.max(0, MAX_LENGTH - tail.length()));
        return cut(clean(base + tail), MAX_LENGTH);
    }

    /**
     * The key two names are compared by: the DisplayName that would be sent, case-insensitive. The name
     * of a customer we created from a Centerpoint name therefore matches that Centerpoint name again.
     */
    public static String normalise(String name) {
        return displayName(name).toLowerCase(Locale.ROOT);
    }

    public static boolean sameName(String a, String b) {
        return normalise(a).equals(normalise(b));
    }

    /** True when a QBO record's name is the name, or the name with the suffix (both normalised). */
    public static boolean isNameOrSuffixed(String qboName, String name, String suffix) {
        String candidate = normalise(qboName);
        return candidate.equals(normalise(name)) || candidate.equals(normalise(withSuffix(name, suffix)));
    }

    /**
     * A LIKE pattern that finds every spelling of the name whatever its case or spacing, the suffixed
     * name included: the DisplayName that would be sent, with {@code %} around it and for every run of
     * spaces, of characters a literal cannot carry ({@link #REFUSED_IN_LITERALS}) and of {@code %} itself
     * (QBO's LIKE knows only {@code %}, so the name's own {@code %} can only be matched as a wildcard; a
     * {@code _} is itself). QBO's LIKE ignores case; the pattern keeps the name's case, as lower-casing can
     * change a name's length ({@code İ}). A name longer than {@value #LIKE_PREFIX} characters is asked
     * for by its beginning: a suffixed name is cut at its end to make room for the suffix. Filter the hits
     * with {@link #isNameOrSuffixed} or {@link #sameName}.
     */
    public static String likePattern(String name) {
        String sought = cut(displayName(name), LIKE_PREFIX);
        return LIKE_WILDCARD_RUNS.matcher(" " + sought + " ").replaceAll("%");
    }

    /**
     * A LIKE pattern matching the value itself where {@code =} cannot be used: every run of characters a
     * literal cannot carry becomes {@code %}. Filter the hits by equality.
     */
    public static String likeEquivalent(String value) {
        return REFUSED_RUNS.matcher(value).replaceAll("%");
    }

    /** True when QBO's lexer takes the value inside a literal (none of {@link #REFUSED_IN_LITERALS}). */
    public static boolean literalAccepts(String value) {
        return value.chars().noneMatch(c -> REFUSED_IN_LITERALS.indexOf(c) >= 0);
    }

    /**
     * A complete, quoted query literal: {@code '} and {@code \} get a backslash ({@code 'O\'Brien'}, facts §5).
     *
     * @throws IllegalArgumentException when the value carries a character QBO's lexer refuses in any
     *         literal: look it up with {@link #likeEquivalent} or {@link #likePattern} instead
     */
    public static String queryLiteral(String value) {
        if (!literalAccepts(value)) {
            throw new IllegalArgumentException("QBO's query lexer refuses " + refusedIn(value)
                    + " inside a literal; query a LIKE pattern instead");
        }
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** The first {@code maxLength} chars, one less when the cut would split a surrogate pair; trimmed. */
    static String cut(String text, int maxLength) {
        if (text.length() <= maxLength) {
            return text;
        }
        int end = maxLength > 0 && Character.isHighSurrogate(text.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
        return text.substring(0, end).trim();
    }

    private static String refusedIn(String value) {
        StringBuilder refused = new StringBuilder();
        value.chars().filter(c -> REFUSED_IN_LITERALS.indexOf(c) >= 0).distinct()
                .forEach(c -> refused.append(refused.length() == 0 ? "" : ", ").append(String.format("U+%04X", c)));
        return refused.toString();
    }

    private static int cleanCodePoint(int cp) {
        if (cp == ':') {
            return SEPARATOR_REPLACEMENT;
        }
        return Character.isISOControl(cp) || Character.isWhitespace(cp) || Character.isSpaceChar(cp) ? ' ' : cp;
    }
}
