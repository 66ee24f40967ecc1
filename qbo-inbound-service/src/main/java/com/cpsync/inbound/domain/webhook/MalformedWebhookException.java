package com.cpsync.inbound.domain.webhook;

/**
 * A webhook body that holds no events to read at all: not JSON, empty, or neither a CloudEvents array
 * nor an object with {@code eventNotifications}. One bad event inside a readable body is not this, but a
 * {@link RejectedEvent}.
 */
public class MalformedWebhookException extends RuntimeException {

    public MalformedWebhookException(String message) {
        super(message);
    }
}
