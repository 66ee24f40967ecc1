package com.cpsync.mapping.domain.matching;

import com.cpsync.qbo.client.names.DisplayNames;

/**
 * The names matching compares and creates, by the one QBO display-name rule the sync services use
 * too ({@link DisplayNames}): what makes two names "the same" and what QBO accepts.
 */
public final class CustomerNames {

    private CustomerNames() {
    }

    /** What QBO accepts: ':' and control whitespace replaced, inner whitespace collapsed, trimmed, capped. */
    public static String sanitise(String name) {
        return DisplayNames.displayName(name);
    }

    /** The comparison key: sanitised and case-insensitive. */
    public static String normalise(String name) {
        return DisplayNames.normalise(name);
    }

    /** Sanitised and capped so that the whole of {@code suffix} survives the cap. */
    public static String forCreate(String name, String suffix) {
        return DisplayNames.withSuffix(name, suffix);
    }
}
