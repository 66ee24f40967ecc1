package com.cpsync.console.domain.reconciliation;

/** A resync request that names nothing, or something resync does not repair: a 400. */
public class InvalidResyncException extends RuntimeException {

    public InvalidResyncException(String message) {
        super(message);
    }
}
