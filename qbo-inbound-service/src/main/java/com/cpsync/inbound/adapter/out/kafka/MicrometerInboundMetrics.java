package com.cpsync.inbound.adapter.out.kafka;

import io.micrometer.core.instrument.MeterRegistry;

import com.cpsync.inbound.application.InboundMetrics;

/** Micrometer counters of inbound processing. */
public record MicrometerInboundMetrics(MeterRegistry meters) implements InboundMetrics {

    @Override
    public void changeConsumed(String entityName) {
        meters.counter("qbo_changes_consumed_total", "entity", entityName).increment();
    }

    @Override
    public void duplicateCollapsed(String entityName) {
        meters.counter("qbo_changes_duplicates_total", "entity", entityName).increment();
    }

    @Override
    public void ignoredEntity(String entityName) {
        meters.counter("qbo_changes_ignored_total", "entity", entityName).increment();
    }
}
