package com.cpsync.mapping.adapter.out.metrics;

import java.util.Locale;

import com.cpsync.mapping.application.port.RefreshMetrics;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

@Component
class MicrometerRefreshMetrics implements RefreshMetrics {

    private final MeterRegistry meters;

    MicrometerRefreshMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void count(RefreshResult result) {
        meters.counter("mapping.oauth.refreshes", "result", result.name().toLowerCase(Locale.ROOT)).increment();
    }
}
