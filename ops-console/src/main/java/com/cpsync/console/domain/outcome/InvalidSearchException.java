package com.cpsync.console.domain.outcome;

/** A search the console cannot run, with the sentence that says why (answered as 400). */
public class InvalidSearchException extends RuntimeException {

    public InvalidSearchException(String message) {
        super(message);
    }
}
