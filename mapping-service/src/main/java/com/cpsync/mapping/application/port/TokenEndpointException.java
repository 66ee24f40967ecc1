package com.cpsync.mapping.application.port;

/** The token endpoint failed in a way that may pass (5xx, network): nothing was changed. */
public class TokenEndpointException extends RuntimeException {

    public TokenEndpointException(String message) {
        super(message);
    }
}
