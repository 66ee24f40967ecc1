package com.cpsync.outbound.application;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** QBO requestid for a create: UUID v3 of the event id and what is created (36 chars, stable on replay). */
final class RequestIds {

    private RequestIds() {
    }

    static String of(String eventId, String purpose) {
        return UUID.nameUUIDFromBytes((eventId + "|" + purpose).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
