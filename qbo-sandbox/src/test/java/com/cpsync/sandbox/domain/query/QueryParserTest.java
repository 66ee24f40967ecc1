package com.cpsync.sandbox.domain.query;

import java.util.List;

import com.cpsync.sandbox.domain.QboFault;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryParserTest {

    @Test
    void shouldParseTheFullGrammarCaseInsensitively() {
        Query q = QueryParser.parse("select * from Customer where DisplayName = 'Acme' and Active in (true, false) "
                + "orderby MetaData.LastUpdatedTime desc startposition 11 maxresults 5");

        assertThat(q.count()).isFalse();
        assertThat(q.entity()).isEqualTo("Customer");
        assertThat(q.conditions()).containsExactly(
                new Query.Condition("DisplayName", Query.Operator.EQ, List.of("Acme")),
                new Query.Condition("Active", Query.Operator.IN, List.of("true", "false")));
        assertThat(q.orderBy()).containsExactly(new Query.Order("MetaData.LastUpdatedTime", true));
        assertThat(q.startPosition()).isEqualTo(11);
        assertThat(q.maxResults()).isEqualTo(5);
    }

    @Test
    void shouldUnescapeBackslashQuotedApostrophes() {
        Query q = QueryParser.parse("SELECT * FROM Customer WHERE DisplayName = 'O\\'Brien Ltd'");

        assertThat(q.conditions().get(0).values()).containsExactly("O'Brien Ltd");
    }

    @Test
    void shouldParseCountAndComparisonOperators() {
        Query q = QueryParser.parse("SELECT COUNT(*) FROM Invoice WHERE TxnDate >= '2026-01-01' AND TxnDate < '2026-02-01' "
                + "AND DocNumber LIKE 'CP-%'");

        assertThat(q.count()).isTrue();
        assertThat(q.conditions()).extracting(Query.Condition::operator)
                .containsExactly(Query.Operator.GE, Query.Operator.LT, Query.Operator.LIKE);
    }

    @Test
    void shouldDefaultToOneHundredResultsAndCapAtOneThousand() {
        assertThat(QueryParser.parse("SELECT * FROM Item").maxResults()).isEqualTo(100);
        assertThat(QueryParser.parse("SELECT * FROM Item MAXRESULTS 5000").maxResults()).isEqualTo(1000);
        assertThat(QueryParser.parse("SELECT * FROM Item").startPosition()).isEqualTo(1);
    }

    @Test
    void shouldRejectOrWithParseError4000() {
        assertThatThrownBy(() -> QueryParser.parse("SELECT * FROM Customer WHERE DisplayName = 'a' OR DisplayName = 'b'"))
                .isInstanceOf(QboFault.class)
                .satisfies(e -> assertThat(((QboFault) e).details().code()).isEqualTo("4000"));
    }

    @Test
    void shouldRejectMalformedQueries() {
        for (String bad : List.of("SELECT Id FROM Customer", "SELECT * Customer", "SELECT * FROM Customer WHERE",
                "SELECT * FROM Customer WHERE DisplayName = 'unterminated", "SELECT * FROM Customer WHERE DisplayName = \u2019x\u2019",
                "SELECT * FROM Customer MAXRESULTS zero", "")) {
            assertThatThrownBy(() -> QueryParser.parse(bad)).as(bad)
                    .isInstanceOf(QboFault.class)
                    .satisfies(e -> assertThat(((QboFault) e).details().code()).isEqualTo("4000"));
        }
    }
}
