package com.cpsync.mapping.application;

/** A request the service refuses, with the HTTP status and error code the API contract gives it. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;

    public ApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "bad_request", message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, "conflict", message);
    }

    /** Two requests raced on a unique key; the loser may simply retry. */
    public static ApiException concurrentClash() {
        return conflict("a concurrent request stored a clashing record; retry");
    }

    public static ApiException disconnected(String message) {
        return new ApiException(409, "disconnected", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
