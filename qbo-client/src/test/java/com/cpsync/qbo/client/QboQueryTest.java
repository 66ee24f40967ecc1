package com.cpsync.qbo.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void shouldAskForANameWithTypographicQuotesByLikeAroundThem() {
        assertThat(QboQuery.nameListLike("Vendor", "Bob\u2019s  \u201CBest\u201D O'Brien"))
                .isEqualTo("SELECT * FROM Vendor WHERE DisplayName LIKE '%Bob%s%Best%O\\'Brien%'"
                        + " AND Active IN (true,false) MAXRESULTS 1000");
    }

    @Test
    void shouldAskForAValueByEqualityWhenQboTakesItElseByLike() {
        assertThat(QboQuery.whereEquals("Invoice", "DocNumber", "INV-7"))
                .isEqualTo("SELECT * FROM Invoice WHERE DocNumber = 'INV-7' MAXRESULTS 1000");
        assertThat(QboQuery.whereEquals("Invoice", "DocNumber", "INV\u20197"))
                .isEqualTo("SELECT * FROM Invoice WHERE DocNumber LIKE 'INV%7' MAXRESULTS 1000");
    }

    @Test
    void shouldRefuseAnEntityOrFieldThatIsNotAName() {
        assertThatThrownBy(() -> QboQuery.whereEquals("Invoice WHERE", "DocNumber", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QboQuery.whereEquals("Invoice", "DocNumber = 'x' OR", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
