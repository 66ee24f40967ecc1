package com.cpsync.qbo.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QboQueryTest {

    @Test
    void shouldEscapeApostropheWithBackslash() {
        assertThat(QboQuery.quote("O'Brien Ltd")).isEqualTo("O\\'Brien Ltd");
    }

    @Test
    void shouldEscapeBackslashBeforeApostrophe() {
        assertThat(QboQuery.quote("a\\'b")).isEqualTo("a\\\\\\'b");
    }

    @Test
    void shouldWrapLiteralInQuotes() {
        assertThat(QboQuery.literal("O'Brien")).isEqualTo("'O\\'Brien'");
    }
}
