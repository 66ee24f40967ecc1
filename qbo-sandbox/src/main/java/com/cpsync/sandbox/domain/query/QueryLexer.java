package com.cpsync.sandbox.domain.query;

import java.util.ArrayList;
import java.util.List;

import com.cpsync.sandbox.domain.QboFault;

/**
 * QBO's query lexer. QBO's parser is JavaCC-generated, so its lexical errors read like JavaCC's:
 * {@code Invalid content. Lexical error at line 1, column 43.  Encountered: "\u2019" (8217), after : "\'%Fleur"}
 * (quickbooks-ruby #309, quickbooks-node-promise #1). It refuses the typographic quotes U+2018, U+2019,
 * U+201C and U+201D inside a literal, and any character outside one that the grammar does not know.
 */
final class QueryLexer {

    enum Kind { WORD, STRING, SYMBOL }

    record Token(Kind kind, String text) {
    }

    private static final String REFUSED_IN_LITERALS = "\u2018\u2019\u201C\u201D";
    private static final String WORD_PUNCTUATION = "_.-:+";

    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;

    private QueryLexer(String text) {
        this.text = text;
    }

    static List<Token> tokenize(String text) {
        QueryLexer lexer = new QueryLexer(text);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '\'') {
                literal();
            } else if ((c == '<' || c == '>') && pos + 1 < text.length() && text.charAt(pos + 1) == '=') {
                emit(Kind.SYMBOL, c + "=", 2);
            } else if ("<>=*(),".indexOf(c) >= 0) {
                emit(Kind.SYMBOL, String.valueOf(c), 1);
            } else if (isWordChar(c)) {
                int start = pos;
                while (pos < text.length() && isWordChar(text.charAt(pos))) {
                    pos++;
                }
                tokens.add(new Token(Kind.WORD, text.substring(start, pos)));
            } else {
                throw encountered(pos, "");
            }
        }
    }

    /** A single-quoted literal; a backslash escapes the next character ({@code 'O\'Brien'}). */
    private void literal() {
        int start = pos;
        StringBuilder value = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\'') {
                pos++;
                tokens.add(new Token(Kind.STRING, value.toString()));
                return;
            }
            if (c == '\\' && pos + 1 < text.length()) {
                pos++;
                c = text.charAt(pos);
            }
            if (REFUSED_IN_LITERALS.indexOf(c) >= 0) {
                throw encountered(pos, text.substring(start, pos));
            }
            value.append(c);
            pos++;
        }
        throw QboFault.queryParse(position(text.length() - 1) + ".  Encountered: <EOF> after : \""
                + escape(text.substring(start)) + "\"");
    }

    private void emit(Kind kind, String symbol, int length) {
        tokens.add(new Token(kind, symbol));
        pos += length;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || WORD_PUNCTUATION.indexOf(c) >= 0;
    }

    private QboFault encountered(int index, String after) {
        char c = text.charAt(index);
        return QboFault.queryParse(position(index) + ".  Encountered: \"" + escape(String.valueOf(c)) + "\" (" + (int) c
                + "), after : \"" + escape(after) + "\"");
    }

    private String position(int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return "Invalid content. Lexical error at line " + line + ", column " + (index - lineStart + 1);
    }

    /** JavaCC's {@code addEscapes}: quotes and backslash escaped, anything outside printable ASCII as \\uXXXX. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                case '"' -> out.append("\\\"");
                case '\'' -> out.append("\\'");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
