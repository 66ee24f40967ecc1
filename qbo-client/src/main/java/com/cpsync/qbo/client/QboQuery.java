package com.cpsync.qbo.client;

import com.cpsync.qbo.client.names.DisplayNames;

/**
 * Builds QBO queries (facts §5), the only place they are built: every value goes in through
 * {@link DisplayNames#queryLiteral}, and a value QBO's lexer would refuse (facts §11.1) is asked for with
 * {@code LIKE} instead, so a query never carries what QBO answers with 4000. Callers filter the hits.
 */
public final class QboQuery {

    /** QBO's largest page; a name or DocNumber lookup never needs a second one. */
    static final int MAX_RESULTS = 1000;

    private QboQuery() {
    }

    /**
     * Escapes a value for use inside a single-quoted QBO query literal: {@code \} and {@code '}
     * get a backslash ({@code O'Brien} → {@code O\'Brien}). The caller adds the surrounding quotes.
     */
    public static String quote(String value) {
        String literal = literal(value);
        return literal.substring(1, literal.length() - 1);
    }

    /** The complete literal, quotes included: {@code O'Brien} → {@code 'O\'Brien'} ({@link DisplayNames#queryLiteral}). */
    public static String literal(String value) {
        return DisplayNames.queryLiteral(value);
    }

    /**
     * Every Customer, Vendor or Employee ({@code nameList}), active or not, whose DisplayName is like the
     * name ({@link DisplayNames#likePattern}: any case or spacing, the suffixed name, a name with
     * typographic quotes). Keep the hits {@link DisplayNames#sameName} or {@link DisplayNames#isNameOrSuffixed}.
     */
    public static String nameListLike(String nameList, String name) {
        return "SELECT * FROM " + entity(nameList) + " WHERE DisplayName LIKE "
                + literal(DisplayNames.likePattern(name)) + " AND Active IN (true,false) MAXRESULTS " + MAX_RESULTS;
    }

    /**
     * Every record of the entity whose field equals the value: {@code =} when QBO's lexer takes the value,
     * else {@code LIKE} with each run of refused characters as {@code %}, so the hits may include others:
     * keep those whose field equals the value.
     */
    public static String whereEquals(String entity, String field, String value) {
        if (field == null || !field.matches("[A-Za-z.]+")) {
            throw new IllegalArgumentException("Invalid QBO field: " + field);
        }
        String condition = DisplayNames.literalAccepts(value) ? field + " = " + literal(value)
                : field + " LIKE " + literal(DisplayNames.likeEquivalent(value));
        return "SELECT * FROM " + entity(entity) + " WHERE " + condition + " MAXRESULTS " + MAX_RESULTS;
    }

    private static String entity(String entity) {
        if (entity == null || !entity.matches("[A-Za-z]+")) {
            throw new IllegalArgumentException("Invalid QBO entity: " + entity);
        }
        return entity;
    }
}
