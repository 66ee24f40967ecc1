package com.cpsync.standin.json;

/** Input JSON that does not fit the Avro contract; the message tells the caller what to fix. */
public class InvalidJsonException extends RuntimeException {

    public InvalidJsonException(String message) {
        super(message);
    }
}
