package com.cpsync.inbound.adapter.in.kafka;

/** A record of qbo.changes.v1 that is not a readable QboEntityChange: poison, never retried. */
public class InvalidChangeRecordException extends RuntimeException {

    public InvalidChangeRecordException(String message) {
        super(message);
    }
}
