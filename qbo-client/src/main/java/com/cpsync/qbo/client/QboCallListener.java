package com.cpsync.qbo.client;

/**
 * Told about every call sent to QBO, e.g. to record latency and status in Micrometer
 * (the client itself depends on no metrics library). Must be fast and must not throw.
 */
@FunctionalInterface
public interface QboCallListener {

    QboCallListener NONE = (realmId, operation, httpStatus, durationNanos) -> { };

    /**
     * @param operation one of create, update, read, query, delete, void, cdc, batch
     * @param httpStatus the HTTP status, or 0 when no response arrived (I/O error, timeout)
     */
    void onCall(String realmId, String operation, int httpStatus, long durationNanos);
}
