package com.cpsync.sandbox.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

/**
 * CDC's {@code changedSince}. An offset is honoured; without one QBO reads the time in the company's zone
 * (Pacific for US companies: QuickBooks-V3-PHP-SDK issue 69), as does a bare date.
 */
public final class ChangedSince {

    private ChangedSince() {
    }

    public static Instant parse(String text, ZoneId companyZone) {
        // a '+' of an offset arrives as a space when the caller did not URL-encode it
        String t = text.trim().replace(' ', '+');
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(companyZone).toInstant();
            }
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(t, OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime withOffset
                    ? withOffset.toInstant() : ((LocalDateTime) parsed).atZone(companyZone).toInstant();
        } catch (DateTimeException e) {
            throw QboFault.badRequest("changedSince is not a date-time: " + text);
        }
    }
}
