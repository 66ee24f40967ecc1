package com.cpsync.sandbox.engine;

import com.cpsync.sandbox.domain.query.QueryParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueryEvaluatorTest {

    @Test
    void shouldMatchLikeWithPercentOnlyAndValuesCaseInsensitively() {
        var customer = Json.parseObject("{\"Id\":\"7\",\"DisplayName\":\"Acme Renovations\",\"Active\":true,"
                + "\"ParentRef\":{\"value\":\"3\"},\"MetaData\":{\"LastUpdatedTime\":\"2026-11-20T10:00:00.000-08:00\"}}");

        assertThat(QueryEvaluator.matches(customer, QueryParser.parse(
                "select * from Customer where DisplayName like 'acme%' and ParentRef = '3' and Id in ('5','7') "
                        + "and MetaData.LastUpdatedTime > '2026-11-20T17:59:59Z'").conditions())).isTrue();
        assertThat(QueryEvaluator.matches(customer, QueryParser.parse(
                "select * from Customer where DisplayName like 'Acme'").conditions())).isFalse();
        assertThat(QueryEvaluator.matches(customer, QueryParser.parse(
                "select * from Customer where Active = false").conditions())).isFalse();
    }

    @Test
    void shouldTreatUnderscoreLiterallyInLikeBecauseQboKnowsOnlyPercent() {
        var customer = Json.parseObject("{\"Id\":\"7\",\"DisplayName\":\"a_c 100%\",\"Active\":true}");
        var other = Json.parseObject("{\"Id\":\"8\",\"DisplayName\":\"abc 1000\",\"Active\":true}");
        var conditions = QueryParser.parse("select * from Customer where DisplayName like 'a_c 100%'").conditions();

        assertThat(QueryEvaluator.matches(customer, conditions)).isTrue();
        assertThat(QueryEvaluator.matches(other, conditions)).isFalse();
    }
}
