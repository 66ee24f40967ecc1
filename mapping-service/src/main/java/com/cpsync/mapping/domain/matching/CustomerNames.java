package com.cpsync.mapping.domain.matching;

import java.util.Locale;
import java.util.regex.Pattern;

/** QBO display-name rules: what makes two names "the same" and what QBO accepts. */
public final class CustomerNames {

    /** QBO caps DisplayName at 500 characters. */
    public static final int MAX_LENGTH = 500;

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private CustomerNames() {
    }

    /** Trimmed, inner whitespace collapsed, ':' (QBO's sub-customer separator) and control whitespace replaced. */
    public static String sanitise(String name) {
        String cleaned = name.replace(':', '-');
        return WHITESPACE.matcher(cleaned).replaceAll(" ").trim();
    }

    /** The comparison key: sanitised and case-insensitive. */
    public static String normalise(String name) {
        return name == null ? "" : sanitise(name).toLowerCase(Locale.ROOT);
    }

    /** Sanitised and capped so that the whole of {@code suffix} survives the cap. */
    public static String forCreate(String name, String suffix) {
        String base = sanitise(name);
        String tail = suffix == null ? "" : sanitise("x" + suffix).substring(1);
        int room = Math.max(0, MAX_LENGTH - tail.length());
        if (base.length() > room) {
            int cut = room;
            if (cut > 0 && Character.isHighSurrogate(base.charAt(cut - 1))) {
                cut--;
            }
            base = base.substring(0, cut).trim();
        }
        return (base + tail).trim();
    }
}
