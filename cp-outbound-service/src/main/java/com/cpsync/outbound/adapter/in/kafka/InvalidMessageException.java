package com.cpsync.outbound.adapter.in.kafka;

/** A record that can be read but not understood: never retried, dead-lettered with this message. */
public class InvalidMessageException extends RuntimeException {

    public InvalidMessageException(String message) {
        super(message);
    }
}
