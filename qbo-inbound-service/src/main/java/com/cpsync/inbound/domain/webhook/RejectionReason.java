package com.cpsync.inbound.domain.webhook;

import java.util.Locale;

/**
 * Why one event of a webhook POST was left out: the fixed tags of
 * {@code qbo_webhook_events_rejected_total{reason}}. A rejected event is counted and logged, never
 * refused with the POST: Intuit would retry the whole POST, good events included, for ever.
 */
public enum RejectionReason {

    /** Not an event of its format: not an object, no {@code specversion}, a type or name with an empty word. */
    MALFORMED_EVENT,
    /** A well-formed entity name QBO does not have (Intuit adds entities; nothing to do with them here). */
    UNKNOWN_ENTITY,
    /** A well-formed operation word this service does not know. */
    UNKNOWN_OPERATION,
    /** The event id or the entity id is missing or is not an id. */
    INVALID_ID,
    /** The realm ({@code intuitaccountid}, {@code realmId}) is missing or is not a realm id. */
    INVALID_REALM,
    /** The event time is missing where it is required, unreadable, or out of range. */
    INVALID_TIME;

    /** The metric tag and the word in the log line and the 200 answer: the name in lower case. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
