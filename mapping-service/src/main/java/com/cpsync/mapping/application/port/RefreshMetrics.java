package com.cpsync.mapping.application.port;

/** Counts token refreshes by result (metric {@code mapping_oauth_refreshes_total{result}}). */
public interface RefreshMetrics {

    enum RefreshResult {
        SUCCESS, INVALID_GRANT, ERROR
    }

    void count(RefreshResult result);
}
