package com.cpsync.inbound.application;

/**
 * QBO refused a read for good (not found is not a failure; throttling and 5xx are retried first).
 * The change gets a FAILED outcome with the reason instead of blocking the realm.
 */
public class QboReadFailedException extends RuntimeException {

    private final String qboErrorCode;

    public QboReadFailedException(String message, String qboErrorCode, Throwable cause) {
        super(message, cause);
        this.qboErrorCode = qboErrorCode;
    }

    public String qboErrorCode() {
        return qboErrorCode;
    }
}
