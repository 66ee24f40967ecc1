package com.cpsync.inbound.application;

/** The broker did not acknowledge the changes of a webhook: not durable, so the delivery is not answered 200. */
public class ChangesNotStoredException extends RuntimeException {

    public ChangesNotStoredException(Throwable cause) {
        super("changes could not be published to Kafka: " + cause, cause);
    }
}
