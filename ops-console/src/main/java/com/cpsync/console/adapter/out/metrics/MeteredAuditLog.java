package com.cpsync.console.adapter.out.metrics;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import com.cpsync.console.application.port.AuditLog;
import com.cpsync.console.domain.audit.AuditEntry;

/**
 * Counts every audited action as {@code ops_console_actions_total{action,result}} (the dashboard's console panel,
 * the alert on actions the broker refused), then records it in the audit it wraps.
 */
public record MeteredAuditLog(AuditLog audit, MeterRegistry meters) implements AuditLog {

    @Override
    public void record(AuditEntry entry) {
        audit.record(entry);
        Counter.builder("ops_console_actions").description("actions taken in the console, by what and how they ended")
                .tag("action", entry.action()).tag("result", entry.result()).register(meters).increment();
    }

    @Override
    public List<AuditEntry> latest(int limit) {
        return audit.latest(limit);
    }
}
