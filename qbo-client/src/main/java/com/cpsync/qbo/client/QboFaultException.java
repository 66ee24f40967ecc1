package com.cpsync.qbo.client;

import java.net.ConnectException;
import java.time.Duration;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * QBO refused a call, or it could not be completed. Built from every fault shape QBO sends
 * (JSON {@code Fault} or gateway {@code fault}, the XML throttle body, a 200 carrying a Fault),
 * falling back on the HTTP status. An I/O error or timeout has {@link #httpStatus()} 0 and is transient.
 */
public class QboFaultException extends RuntimeException {

    /** Intuit's limits page: a throttled app waits 60 seconds; QBO's 429s carry no documented Retry-After. */
    public static final Duration THROTTLE_WAIT = Duration.ofSeconds(60);

    private final int httpStatus;
    private final String code;
    private final String faultMessage;
    private final String detail;
    private final String type;
    private final Duration retryAfter;

    public QboFaultException(int httpStatus, String code, String faultMessage, String detail, String type,
            Duration retryAfter, Throwable cause) {
        super(describe(httpStatus, code, faultMessage, detail, type), cause);
        this.httpStatus = httpStatus;
        this.code = normalise(code);
        this.faultMessage = faultMessage;
        this.detail = detail;
        this.type = type;
        this.retryAfter = retryAfter;
    }

    /** A failure to reach QBO at all (connection refused, reset, timeout): transient, status 0. */
    public static QboFaultException ioFailure(String what, Throwable cause) {
        return new QboFaultException(0, null, what + ": " + cause, null, "IO", null, cause);
    }

    /** The fault of one {@code BatchItemResponse} item, if that item failed (its status is the batch's 200). */
    public static Optional<QboFaultException> inBatchItem(JsonNode item) {
        return QboFaultParser.faultNode(item).map(fault -> QboFaultParser.fromJsonFault(200, fault, null));
    }

    /** HTTP status; 0 when no response arrived. A 200 that carried a Fault keeps 200. */
    public int httpStatus() {
        return httpStatus;
    }

    /** QBO error code without leading zeros ("3001" for "003001"), or null. */
    public String code() {
        return code;
    }

    /** QBO's {@code Message}, or a description of the failure. */
    public String faultMessage() {
        return faultMessage;
    }

    /** QBO's {@code Detail}, or null. */
    public String detail() {
        return detail;
    }

    /** QBO's fault {@code type} (ValidationFault, SystemFault, AUTHENTICATION, SERVICE, ...), or null. */
    public String type() {
        return type;
    }

    /**
     * How long QBO asks us to wait: the {@code Retry-After} header when the response had one; for a
     * throttle without it, QBO's documented {@link #THROTTLE_WAIT}; otherwise empty (the caller's backoff).
     */
    public Optional<Duration> retryAfter() {
        if (retryAfter == null && isThrottled()) {
            return Optional.of(THROTTLE_WAIT);
        }
        return Optional.ofNullable(retryAfter);
    }

    public boolean isThrottled() {
        return httpStatus == 429 || "3001".equals(code);
    }

    public boolean isStaleObject() {
        return "5010".equals(code);
    }

    public boolean isDuplicateName() {
        return "6240".equals(code);
    }

    public boolean isDuplicateDocNumber() {
        return "6140".equals(code) || "6210".equals(code)
                || (faultMessage != null && faultMessage.toLowerCase().contains("duplicate document number"));
    }

    public boolean isNotFound() {
        return "610".equals(code);
    }

    public boolean isAuthentication() {
        return httpStatus == 401 || "3200".equals(code);
    }

    /** Worth retrying with backoff: throttled, a 5xx, or no response (I/O error, timeout). */
    public boolean isTransient() {
        return isThrottled() || httpStatus == 0 || httpStatus >= 500;
    }

    /**
     * A write that failed this way may still have been applied: no reply came (timeout, reset, lost
     * reply) or the server failed after receiving it (5xx). Before writing again, look for what the first
     * attempt may have created: QBO's {@code requestid} replay is not reliable (qbo-api-facts §11).
     * A refused connection never reached QBO, so it is not ambiguous.
     */
    public boolean isAmbiguousWrite() {
        if (httpStatus >= 500) {
            return true;
        }
        return httpStatus == 0 && !(getCause() instanceof ConnectException);
    }

    public boolean isPermanent() {
        return !isTransient();
    }

    private static String normalise(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String trimmed = code.trim().replaceFirst("^0+(?=.)", "");
        return trimmed;
    }

    private static String describe(int status, String code, String message, String detail, String type) {
        StringBuilder text = new StringBuilder("QBO fault: HTTP ").append(status);
        if (code != null) {
            text.append(", code ").append(normalise(code));
        }
        if (type != null) {
            text.append(", type ").append(type);
        }
        text.append(": ").append(message);
        if (detail != null && !detail.isBlank()) {
            text.append(" (").append(detail).append(')');
        }
        return text.toString();
    }
}
