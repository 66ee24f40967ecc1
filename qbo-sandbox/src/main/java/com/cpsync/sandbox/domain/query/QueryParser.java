package com.cpsync.sandbox.domain.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.cpsync.sandbox.domain.QboFault;
import com.cpsync.sandbox.domain.query.QueryLexer.Kind;
import com.cpsync.sandbox.domain.query.QueryLexer.Token;

/**
 * Parses QBO's query language from {@link QueryLexer}'s tokens. Keywords are case-insensitive; OR,
 * projections and anything else QBO refuses give fault 4000.
 */
public final class QueryParser {

    private final List<Token> tokens;
    private int pos;

    private QueryParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    public static Query parse(String text) {
        if (text == null || text.isBlank()) {
            throw QboFault.queryParse("empty query");
        }
        return new QueryParser(QueryLexer.tokenize(text)).query();
    }

    private Query query() {
        keyword("SELECT");
        boolean count;
        if (peekSymbol("*")) {
            next();
            count = false;
        } else if (peekKeyword("COUNT")) {
            next();
            symbol("(");
            symbol("*");
            symbol(")");
            count = true;
        } else {
            throw error("only SELECT * or SELECT COUNT(*) is supported");
        }
        keyword("FROM");
        String entity = identifier();
        List<Query.Condition> conditions = new ArrayList<>();
        if (peekKeyword("WHERE")) {
            next();
            conditions.add(condition());
            while (peekKeyword("AND") || peekKeyword("OR")) {
                if (peekKeyword("OR")) {
                    throw error("OR is not supported");
                }
                next();
                conditions.add(condition());
            }
        }
        List<Query.Order> orderBy = new ArrayList<>();
        int start = 1;
        int max = Query.DEFAULT_MAX_RESULTS;
        while (!atEnd()) {
            if (peekKeyword("ORDERBY") || peekKeyword("ORDER")) {
                if (next().text().equalsIgnoreCase("ORDER")) {
                    keyword("BY");
                }
                orderBy.add(order());
                while (peekSymbol(",")) {
                    next();
                    orderBy.add(order());
                }
            } else if (peekKeyword("STARTPOSITION")) {
                next();
                start = positiveInt();
            } else if (peekKeyword("MAXRESULTS")) {
                next();
                max = Math.min(positiveInt(), Query.MAX_MAX_RESULTS);
            } else {
                throw error("unexpected '" + peek().text() + "'");
            }
        }
        return new Query(count, entity, List.copyOf(conditions), List.copyOf(orderBy), start, max);
    }

    private Query.Condition condition() {
        String field = identifier();
        Token op = next();
        if (op.kind() == Kind.WORD && op.text().equalsIgnoreCase("IN")) {
            symbol("(");
            List<String> values = new ArrayList<>();
            values.add(value());
            while (peekSymbol(",")) {
                next();
                values.add(value());
            }
            symbol(")");
            return new Query.Condition(field, Query.Operator.IN, List.copyOf(values));
        }
        if (op.kind() == Kind.WORD && op.text().equalsIgnoreCase("LIKE")) {
            return new Query.Condition(field, Query.Operator.LIKE, List.of(value()));
        }
        Query.Operator operator = switch (op.kind() == Kind.SYMBOL ? op.text() : "") {
            case "=" -> Query.Operator.EQ;
            case "<" -> Query.Operator.LT;
            case ">" -> Query.Operator.GT;
            case "<=" -> Query.Operator.LE;
            case ">=" -> Query.Operator.GE;
            default -> throw error("unsupported operator '" + op.text() + "'");
        };
        return new Query.Condition(field, operator, List.of(value()));
    }

    private Query.Order order() {
        String field = identifier();
        boolean desc = false;
        if (peekKeyword("DESC") || peekKeyword("ASC")) {
            desc = next().text().equalsIgnoreCase("DESC");
        }
        return new Query.Order(field, desc);
    }

    private String value() {
        Token t = next();
        if (t.kind() == Kind.STRING || t.kind() == Kind.WORD) {
            return t.text();
        }
        throw error("expected a value but found '" + t.text() + "'");
    }

    private int positiveInt() {
        Token t = next();
        try {
            int n = Integer.parseInt(t.text());
            if (n < 1) {
                throw error("expected a positive number but found " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw error("expected a number but found '" + t.text() + "'");
        }
    }

    private String identifier() {
        Token t = next();
        if (t.kind() != Kind.WORD || isReserved(t.text())) {
            throw error("expected a name but found '" + t.text() + "'");
        }
        return t.text();
    }

    private static boolean isReserved(String word) {
        return switch (word.toUpperCase(Locale.ROOT)) {
            case "SELECT", "FROM", "WHERE", "AND", "OR", "ORDERBY", "STARTPOSITION", "MAXRESULTS", "IN", "LIKE" -> true;
            default -> false;
        };
    }

    private void keyword(String word) {
        Token t = next();
        if (t.kind() != Kind.WORD || !t.text().equalsIgnoreCase(word)) {
            throw error("expected " + word + " but found '" + t.text() + "'");
        }
    }

    private void symbol(String s) {
        Token t = next();
        if (t.kind() != Kind.SYMBOL || !t.text().equals(s)) {
            throw error("expected '" + s + "' but found '" + t.text() + "'");
        }
    }

    private boolean peekKeyword(String word) {
        return !atEnd() && peek().kind() == Kind.WORD && peek().text().equalsIgnoreCase(word);
    }

    private boolean peekSymbol(String s) {
        return !atEnd() && peek().kind() == Kind.SYMBOL && peek().text().equals(s);
    }

    private boolean atEnd() {
        return pos >= tokens.size();
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        if (atEnd()) {
            throw error("unexpected end of query");
        }
        return tokens.get(pos++);
    }

    private QboFault error(String detail) {
        return QboFault.queryParse(detail);
    }
}
