package com.cpsync.deploy.demo;

/** An expected outcome was not observed; the message says what was expected and what was seen. */
public class ExpectationNotMetException extends RuntimeException {

    public ExpectationNotMetException(String message) {
        super(message);
    }
}
