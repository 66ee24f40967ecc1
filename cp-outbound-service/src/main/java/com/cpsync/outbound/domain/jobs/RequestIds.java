package com.cpsync.outbound.domain.jobs;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Stable QBO {@code requestid} values: the same event and purpose always give the same id, so a
 * retried create is answered with the original response instead of writing twice.
 */
public final class RequestIds {

    private RequestIds() {
    }

    /** A name-based UUID (version 3) of the event id and the purpose, e.g. "create-ticket-job": 36 chars. */
    public static String forEvent(String eventId, String purpose) {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(purpose, "purpose");
        // the length prefix keeps ("a:b","c") and ("a","b:c") apart
        String name = "cpsync:" + eventId.length() + ":" + eventId + ":" + purpose;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
