package com.cpsync.sandbox.domain.query;

import java.util.List;

import com.cpsync.sandbox.domain.QboFault;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class QueryLexerTest {

    private static QboFault refusal(String query) {
        return catchThrowableOfType(QboFault.class, () -> QueryParser.parse(query));
    }

    @Test
    void shouldRefuseATypographicApostropheInsideALiteralAsQboDoes() {
        // the query of quickbooks-ruby issue 309, with QBO's answer quoted there
        QboFault fault = refusal("SELECT * FROM ITEM WHERE NAME LIKE '%Fleur\u2019t'");

        assertThat(fault.details().code()).isEqualTo("4000");
        assertThat(fault.getMessage()).isEqualTo("Error parsing query");
        assertThat(fault.details().detail()).isEqualTo("QueryParserError: Invalid content. Lexical error at line 1, column 43.  "
                + "Encountered: \"\\u2019\" (8217), after : \"\\'%Fleur\"");
    }

    @Test
    void shouldRefuseEveryTypographicQuoteInsideALiteral() {
        for (char quote : new char[] {'\u2018', '\u2019', '\u201C', '\u201D'}) {
            QboFault fault = refusal("select * from Customer where DisplayName = 'Bob" + quote + "s Plumbing'");

            assertThat(fault.details().detail()).as("U+%04X", (int) quote)
                    .contains("column 48.  Encountered: \"\\u" + String.format("%04x", (int) quote) + "\" (" + (int) quote + ")")
                    .endsWith("after : \"\\'Bob\"");
        }
    }

    @Test
    void shouldRefuseATypographicQuoteEvenWhenBackslashEscaped() {
        assertThat(refusal("select * from Customer where DisplayName = 'Bob\\\u2019s'").details().detail())
                .contains("column 49.  Encountered: \"\\u2019\" (8217), after : \"\\'Bob\\\\\"");
    }

    @Test
    void shouldRefuseACharacterOutsideTheGrammarWithNothingBeforeIt() {
        // quickbooks-node-promise issue 1: a '%' outside any literal
        assertThat(refusal("select * from Account where AccountSubType = %Inventory").details().detail())
                .isEqualTo("QueryParserError: Invalid content. Lexical error at line 1, column 46.  "
                        + "Encountered: \"%\" (37), after : \"\"");
    }

    @Test
    void shouldCountLinesAndReportAnUnterminatedLiteralAsEndOfInput() {
        assertThat(refusal("select * from Customer\nwhere DisplayName = \u2019x").details().detail())
                .contains("line 2, column 21.  Encountered: \"\\u2019\" (8217), after : \"\"");
        assertThat(refusal("select * from Customer where DisplayName = 'Acme").details().detail())
                .endsWith("Encountered: <EOF> after : \"\\'Acme\"");
    }

    @Test
    void shouldAcceptAccentsEmojiAndEscapedQuotesInsideALiteral() {
        Query q = QueryParser.parse("select * from Customer where DisplayName in ('Caf\u00e9 M\u00fcller', "
                + "'Pipes \uD83D\uDD27 & Co', 'O\\'Brien 100% _x_', 'back\\\\slash')");

        assertThat(q.conditions().get(0).values())
                .isEqualTo(List.of("Caf\u00e9 M\u00fcller", "Pipes \uD83D\uDD27 & Co", "O'Brien 100% _x_", "back\\slash"));
    }
}
