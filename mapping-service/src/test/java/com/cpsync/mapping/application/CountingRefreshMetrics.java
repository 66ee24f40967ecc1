package com.cpsync.mapping.application;

import java.util.EnumMap;
import java.util.Map;

import com.cpsync.mapping.application.port.RefreshMetrics;

final class CountingRefreshMetrics implements RefreshMetrics {

    private final Map<RefreshResult, Integer> counts = new EnumMap<>(RefreshResult.class);

    @Override
    public synchronized void count(RefreshResult result) {
        counts.merge(result, 1, Integer::sum);
    }

    synchronized Map<RefreshResult, Integer> counts() {
        return Map.copyOf(counts);
    }
}
