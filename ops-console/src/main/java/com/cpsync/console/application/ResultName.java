package com.cpsync.console.application;

import java.util.Locale;

/** A result's name as the answers, the pages and the audit give it: its kind in capitals, e.g. ALREADY_REPLAYED. */
final class ResultName {

    private ResultName() {
    }

    static String of(Object result) {
        return result.getClass().getSimpleName().replaceAll("(?<=[a-z])(?=[A-Z])", "_").toUpperCase(Locale.ROOT);
    }
}
