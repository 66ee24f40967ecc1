package com.cpsync.sandbox.domain.query;

import java.util.List;

/** A parsed QBO query: {@code SELECT *|COUNT(*) FROM Entity [WHERE ...] [ORDERBY ...] [STARTPOSITION n] [MAXRESULTS m]}. */
public record Query(boolean count, String entity, List<Condition> conditions, List<Order> orderBy,
                    int startPosition, int maxResults) {

    public static final int DEFAULT_MAX_RESULTS = 100;
    public static final int MAX_MAX_RESULTS = 1000;

    public enum Operator { EQ, LT, GT, LE, GE, IN, LIKE }

    /** One {@code field op value} term; {@code values} has one element except for IN. */
    public record Condition(String field, Operator operator, List<String> values) {
    }

    public record Order(String field, boolean descending) {
    }

    public boolean constrains(String field) {
        return conditions.stream().anyMatch(c -> c.field().equalsIgnoreCase(field));
    }
}
