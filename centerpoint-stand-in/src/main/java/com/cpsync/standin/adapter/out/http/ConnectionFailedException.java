package com.cpsync.standin.adapter.out.http;

/** A step of the OAuth connection flow did not answer as the contract says. */
public class ConnectionFailedException extends RuntimeException {

    public ConnectionFailedException(String message) {
        super(message);
    }

    public ConnectionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
