package com.cpsync.qbo.client.names;

import java.util.Locale;
import java.util.regex.Pattern;

import com.cpsync.qbo.client.QboQuery;

/**
 * The one rule for QBO DisplayNames (Customer, Vendor, Employee and sub-customers share one name
 * space), used to create names, to suffix them, to match them and to query them. QBO refuses
 * {@code :} (its FullyQualifiedName separator, {@code Parent:Child}), tabs and newlines, and caps a
 * DisplayName at {@value #MAX_LENGTH} characters (facts §3). Pure: no I/O, no framework.
 */
public final class DisplayNames {

    /** QBO's cap on DisplayName, in UTF-16 chars as QBO counts them. */
    public static final int MAX_LENGTH = 500;

    /** What {@code :} becomes: a sub-customer separator inside a name would read as a level in QBO. */
    static final int SEPARATOR_REPLACEMENT = '-';

    private static final Pattern SPACES = Pattern.compile(" {2,}");

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
     * name included ({@code %} between the words; QBO's LIKE ignores case). Filter the hits with
     * {@link #isNameOrSuffixed}. Quote it with {@link #queryLiteral}.
     */
    public static String likePattern(String name) {
        return "%" + normalise(name).replace('%', '_').replace(" ", "%") + "%";
    }

    /** A complete, quoted query literal: {@code '} and {@code \} get a backslash ({@code 'O\'Brien'}). */
    public static String queryLiteral(String value) {
        return QboQuery.literal(value);
    }

    /** The first {@code maxLength} chars, one less when the cut would split a surrogate pair; trimmed. */
    static String cut(String text, int maxLength) {
        if (text.length() <= maxLength) {
            return text;
        }
        int end = maxLength > 0 && Character.isHighSurrogate(text.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
        return text.substring(0, end).trim();
    }

    private static int cleanCodePoint(int cp) {
        if (cp == ':') {
            return SEPARATOR_REPLACEMENT;
        }
        return Character.isISOControl(cp) || Character.isWhitespace(cp) || Character.isSpaceChar(cp) ? ' ' : cp;
    }
}
