package com.cpsync.inbound.domain.webhook;

import java.util.Objects;

/**
 * One event of a webhook POST that was left out.
 *
 * @param at     where it is in the body, e.g. {@code event[3]} or {@code eventNotifications[0].entities[1]}
 * @param reason one of the fixed reasons
 * @param detail what is wrong, quoting at most the offending word (never the event's body)
 */
public record RejectedEvent(String at, RejectionReason reason, String detail) {

    public RejectedEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
