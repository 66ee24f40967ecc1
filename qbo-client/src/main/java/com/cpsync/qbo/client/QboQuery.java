package com.cpsync.qbo.client;

/** Helpers for QBO's query language (facts §5). */
public final class QboQuery {

    private QboQuery() {
    }

    /**
     * Escapes a value for use inside a single-quoted QBO query literal: {@code \} and {@code '}
     * get a backslash ({@code O'Brien} → {@code O\'Brien}). The caller adds the surrounding quotes.
     */
    public static String quote(String value) {
        return value.replace("\\", "\\\\").replace("'", "\\'");
    }

    /** The complete literal, quotes included: {@code O'Brien} → {@code 'O\'Brien'}. */
    public static String literal(String value) {
        return "'" + quote(value) + "'";
    }
}
