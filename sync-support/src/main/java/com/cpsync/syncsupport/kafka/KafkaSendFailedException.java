package com.cpsync.syncsupport.kafka;

/** The broker did not acknowledge a send in time (or at all): transient, the caller retries later. */
public class KafkaSendFailedException extends IllegalStateException {

    public KafkaSendFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
