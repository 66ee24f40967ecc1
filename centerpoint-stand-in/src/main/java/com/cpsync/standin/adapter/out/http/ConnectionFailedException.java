package com.cpsync.standin.adapter.out.http;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;

/**
 * A step of the OAuth connection flow did not answer as the contract says. Transient failures
 * (no connection, no answer in time, a 5xx) are worth another try of the flow; a 4xx is not.
 */
public class ConnectionFailedException extends RuntimeException {

    private final boolean transientFailure;

    ConnectionFailedException(String message, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    /** The step could not be reached or did not answer: the service may still be starting. */
    static ConnectionFailedException unreachable(String step, Exception cause) {
        return new ConnectionFailedException(step + " failed: " + describe(cause), true, cause);
    }

    /** The step answered a status the contract does not expect; 5xx is transient, the rest is not. */
    static ConnectionFailedException answered(String step, int status, String body) {
        return new ConnectionFailedException(step + " answered " + status + " " + abbreviate(body), status >= 500, null);
    }

    static ConnectionFailedException malformed(String step, String problem) {
        return new ConnectionFailedException(step + " " + problem, false, null);
    }

    public boolean isTransient() {
        return transientFailure;
    }

    ConnectionFailedException afterAttempts(long attempts) {
        return new ConnectionFailedException(getMessage() + " (gave up after " + attempts + " attempts)", transientFailure,
                getCause());
    }

    /** A readable reason: a refused connection's own message is null, which made "authorize failed: null". */
    static String describe(Exception cause) {
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        if (cause instanceof HttpTimeoutException) {
            return "no answer in time";
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static String abbreviate(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }
}
