package com.cpsync.inbound.domain.webhook;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Optional;

/**
 * Parses QBO's {@code lastUpdated} in every shape seen in the wild: ISO with {@code Z} and millis,
 * offsets with or without a colon ({@code -0700}, {@code -07:00}), and epoch milliseconds.
 */
public final class LenientTimestamps {

    private static final DateTimeFormatter OFFSET_ANY = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private LenientTimestamps() {
    }

    public static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.trim();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Instant.ofEpochMilli(Long.parseLong(value)));
            }
            catch (NumberFormatException tooLong) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(OffsetDateTime.parse(value, OFFSET_ANY).toInstant());
        }
        catch (DateTimeParseException ex) {
            return Optional.empty();
        }
    }
}
