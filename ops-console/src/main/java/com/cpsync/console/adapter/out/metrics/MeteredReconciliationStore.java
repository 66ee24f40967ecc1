package com.cpsync.console.adapter.out.metrics;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import com.cpsync.console.application.port.ReconciliationStore;
import com.cpsync.console.domain.reconciliation.Difference;
import com.cpsync.console.domain.reconciliation.DifferenceKind;
import com.cpsync.console.domain.reconciliation.Report;

/**
 * Keeps {@code reconciliation_differences{kind}} and {@code reconciliation_unexplained} at the sums over each
 * tenant's latest finished reconciliation (the alert {@code ReconciliationUnexplained}), refreshed when one
 * finishes and at start.
 */
public class MeteredReconciliationStore implements ReconciliationStore {

    private final ReconciliationStore store;
    private final Map<DifferenceKind, AtomicInteger> byKind = new EnumMap<>(DifferenceKind.class);
    private final AtomicInteger unexplained = new AtomicInteger();

    public MeteredReconciliationStore(ReconciliationStore store, MeterRegistry meters) {
        this.store = store;
        for (DifferenceKind kind : DifferenceKind.values()) {
            AtomicInteger count = new AtomicInteger();
            byKind.put(kind, count);
            Gauge.builder("reconciliation_differences", count, AtomicInteger::get)
                    .description("differences of each kind in the tenants' latest reconciliations")
                    .tag("kind", kind.name()).register(meters);
        }
        Gauge.builder("reconciliation_unexplained", unexplained, AtomicInteger::get)
                .description("differences no recorded outcome explains, in the tenants' latest reconciliations")
                .register(meters);
        refresh();
    }

    @Override
    public Report start(String tenantId, String requestedBy, Instant at) {
        return store.start(tenantId, requestedBy, at);
    }

    @Override
    public void finish(Report report) {
        store.finish(report);
        refresh();
    }

    @Override
    public Optional<Report> find(String tenantId, long id) {
        return store.find(tenantId, id);
    }

    @Override
    public Optional<Report> latest(String tenantId) {
        return store.latest(tenantId);
    }

    @Override
    public List<Report> latestPerTenant() {
        return store.latestPerTenant();
    }

    private synchronized void refresh() {
        Map<DifferenceKind, Integer> counts = new EnumMap<>(DifferenceKind.class);
        int notExplained = 0;
        for (Report report : store.latestPerTenant()) {
            for (Difference difference : report.differences()) {
                counts.merge(difference.kind(), 1, Integer::sum);
            }
            notExplained += report.summary() == null ? 0 : report.summary().unexplained();
        }
        byKind.forEach((kind, gauge) -> gauge.set(counts.getOrDefault(kind, 0)));
        unexplained.set(notExplained);
    }
}
