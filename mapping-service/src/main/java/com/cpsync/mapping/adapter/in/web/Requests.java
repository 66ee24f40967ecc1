package com.cpsync.mapping.adapter.in.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import com.cpsync.mapping.application.ApiException;
import com.cpsync.mapping.domain.link.EntityType;

/** Input checks shared by the handlers, each failing with a 400 that says what is wrong. */
final class Requests {

    /** QBO's legacy webhooks write offsets without a colon ("-0700"). */
    private static final DateTimeFormatter OFFSET_NO_COLON = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]xx");

    private Requests() {
    }

    static <T> T body(T body) {
        if (body == null) {
            throw ApiException.badRequest("a JSON request body is required");
        }
        return body;
    }

    static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("field '" + field + "' is required and must not be blank");
        }
        return value;
    }

    static EntityType entityType(String value) {
        try {
            return EntityType.parse(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
        text(value, field);
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E constant : type.getEnumConstants()) {
                allowed.append(allowed.length() == 0 ? "" : ", ").append(constant.name());
            }
            throw ApiException.badRequest("field '" + field + "' has unknown value '" + value + "'; expected one of "
                    + allowed);
        }
    }

    static Instant instant(String value, String field) {
        text(value, field);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notUtc) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException notIso) {
                try {
                    return OffsetDateTime.parse(value, OFFSET_NO_COLON).toInstant();
                } catch (DateTimeParseException e) {
                    throw ApiException.badRequest("field '" + field + "' must be an ISO-8601 instant, got '" + value
                            + "'");
                }
            }
        }
    }
}
