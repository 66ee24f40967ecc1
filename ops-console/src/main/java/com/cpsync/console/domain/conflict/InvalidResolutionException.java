package com.cpsync.console.domain.conflict;

/** A resolution request that cannot be taken as it is (400); nothing was changed. */
public class InvalidResolutionException extends RuntimeException {

    public InvalidResolutionException(String message) {
        super(message);
    }
}
