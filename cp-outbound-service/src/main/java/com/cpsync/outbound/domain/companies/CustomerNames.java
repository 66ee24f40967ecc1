package com.cpsync.outbound.domain.companies;

import java.util.Locale;

/** Name rules shared by matching and payloads (QBO: DisplayName unique across name lists, no ':' or tabs). */
public final class CustomerNames {

    private static final int MAX_DISPLAY_NAME = 500;

    private CustomerNames() {
    }

    /** The comparison key mapping-service also uses: trimmed, inner whitespace collapsed, case-insensitive. */
    public static String normalise(String name) {
        return name == null ? "" : name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** A DisplayName QBO accepts: ':' and control whitespace replaced, trimmed, at most 500 chars. */
    public static String displayName(String name) {
        String cleaned = name.replace(':', '-').replaceAll("[\\t\\r\\n]+", " ").trim().replaceAll("\\s+", " ");
        return cleaned.length() > MAX_DISPLAY_NAME ? cleaned.substring(0, MAX_DISPLAY_NAME) : cleaned;
    }

    /**
     * A QBO LIKE pattern that finds every spelling of the name whatever its case or spacing, including
     * the suffixed name ('%' between the words, case-insensitive in QBO). Callers filter the hits by
     * {@link #normalise}. Quoting is left to the query builder.
     */
    public static String likePattern(String name) {
        String normalised = normalise(displayName(name));
        return "%" + normalised.replace('%', '_').replace(" ", "%") + "%";
    }

    /** True when a QBO record's name is the company's name or its suffixed name. */
    public static boolean isCandidate(String qboName, String companyName, String suffix) {
        String candidate = normalise(qboName);
        String base = displayName(companyName);
        return candidate.equals(normalise(base)) || candidate.equals(normalise(base + suffix));
    }
}
