package com.cpsync.console.adapter.out.metrics;

import java.time.Instant;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import com.cpsync.console.application.InMemoryAudit;
import com.cpsync.console.domain.audit.AuditEntry;

import static org.assertj.core.api.Assertions.assertThat;

class MeteredAuditLogTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MeteredAuditLog audit = new MeteredAuditLog(new InMemoryAudit(), meters);

    @Test
    void shouldRecordEachActionAndCountItByActionAndResult() {
        Instant at = Instant.parse("2026-05-02T09:00:00Z");

        audit.record(new AuditEntry("ops", at, "RESOLVE_CONFLICT", "conflict 7 of acme", "SENT", "LINK to QBO 58"));
        audit.record(new AuditEntry("ops", at, "RESOLVE_CONFLICT", "conflict 7 of acme", "ALREADY_RESOLVED", null));
        audit.record(new AuditEntry("ops", at, "RESOLVE_CONFLICT", "conflict 8 of acme", "SENT", "DISMISS"));

        assertThat(audit.latest(10)).hasSize(3);
        assertThat(meters.get("ops_console_actions").tags("action", "RESOLVE_CONFLICT", "result", "SENT").counter()
                .count()).isEqualTo(2.0);
        assertThat(meters.get("ops_console_actions").tags("result", "ALREADY_RESOLVED").counter().count())
                .isEqualTo(1.0);
    }
}
