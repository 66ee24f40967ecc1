package com.cpsync.inbound.domain.webhook;

/**
 * A word of the caller's text as an answer or a log line may quote it: at most a few characters, control
 * characters replaced, so neither ever carries more of a hostile body or header than that.
 */
public final class QuotedWord {

    private QuotedWord() {
    }

    /** {@code 'word'}, cut to {@code max} code points with {@code …} when longer. */
    public static String of(String word, int max) {
        String printable = word.codePoints().limit(max)
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return "'" + printable + (word.codePointCount(0, word.length()) > max ? "…'" : "'");
    }
}
