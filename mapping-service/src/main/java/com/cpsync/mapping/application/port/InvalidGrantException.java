package com.cpsync.mapping.application.port;

/** The refresh token (or code) is dead: only a new authorization can reconnect. */
public class InvalidGrantException extends RuntimeException {

    public InvalidGrantException() {
        super("token endpoint answered invalid_grant");
    }
}
