package com.cpsync.console.adapter.out.jdbc;

/** PostgreSQL text cannot hold NUL: a key or header from a poison record may, and must still be stored. */
final class Texts {

    private Texts() {
    }

    static String printable(String text) {
        return text == null ? null : text.replace('\u0000', '\uFFFD');
    }
}
