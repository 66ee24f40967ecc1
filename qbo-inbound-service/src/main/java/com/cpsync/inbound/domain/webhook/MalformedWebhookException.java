package com.cpsync.inbound.domain.webhook;

/** A webhook body that is neither a valid CloudEvents array nor a valid legacy notification. */
public class MalformedWebhookException extends RuntimeException {

    public MalformedWebhookException(String message) {
        super(message);
    }
}
