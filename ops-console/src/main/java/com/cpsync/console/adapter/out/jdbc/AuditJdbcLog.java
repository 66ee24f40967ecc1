package com.cpsync.console.adapter.out.jdbc;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.cpsync.console.application.port.AuditLog;
import com.cpsync.console.domain.audit.AuditEntry;

/** The audit of actions in PostgreSQL (table {@code audit_entry}); the retention purge leaves it alone. */
public record AuditJdbcLog(JdbcClient jdbc) implements AuditLog {

    @Override
    public void record(AuditEntry entry) {
        jdbc.sql("insert into audit_entry (actor, at, action, target, result, detail) values (?, ?, ?, ?, ?, ?)")
                .params(entry.actor(), Timestamps.of(entry.at()), entry.action(), entry.target(), entry.result(),
                        Texts.printable(entry.detail()))
                .update();
    }

    @Override
    public List<AuditEntry> latest(int limit) {
        return jdbc.sql("select * from audit_entry order by at desc, id desc limit :limit").param("limit", limit)
                .query((row, rowNumber) -> new AuditEntry(row.getString("actor"), Timestamps.read(row, "at"),
                        row.getString("action"), row.getString("target"), row.getString("result"),
                        row.getString("detail")))
                .list();
    }
}
