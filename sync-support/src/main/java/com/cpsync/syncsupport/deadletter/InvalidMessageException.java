package com.cpsync.syncsupport.deadletter;

/**
 * A consumed record that can be read but not understood (wrong type, bad field): never retried,
 * dead-lettered with this message by the {@link DeadLetters} error handler.
 */
public class InvalidMessageException extends RuntimeException {

    public InvalidMessageException(String message) {
        super(message);
    }

    public InvalidMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
