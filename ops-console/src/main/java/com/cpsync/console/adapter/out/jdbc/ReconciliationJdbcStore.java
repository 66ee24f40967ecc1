package com.cpsync.console.adapter.out.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.cpsync.console.application.port.ReconciliationStore;
import com.cpsync.console.domain.reconciliation.Report;

/** Reconciliations in {@code reconciliation}: the finished report as JSON beside its status. */
public class ReconciliationJdbcStore implements ReconciliationStore {

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    public ReconciliationJdbcStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Report start(String tenantId, String requestedBy, Instant at) {
        long id = jdbc.sql("""
                insert into reconciliation (tenant_id, requested_by, status, started_at)
                values (:tenantId, :requestedBy, 'RUNNING', :at) returning id""")
                .param("tenantId", tenantId).param("requestedBy", requestedBy).param("at", Timestamps.of(at))
                .query(Long.class).single();
        return Report.running(id, tenantId, at);
    }

    @Override
    public void finish(Report report) {
        jdbc.sql("update reconciliation set status = :status, finished_at = :at, report = :report where id = :id")
                .param("status", report.status().name()).param("at", Timestamps.of(report.finishedAt()))
                .param("report", json.writeValueAsString(report)).param("id", report.id()).update();
    }

    @Override
    public Optional<Report> find(String tenantId, long id) {
        return jdbc.sql("select * from reconciliation where tenant_id = :tenantId and id = :id")
                .param("tenantId", tenantId).param("id", id).query(this::report).optional();
    }

    @Override
    public Optional<Report> latest(String tenantId) {
        return jdbc.sql("select * from reconciliation where tenant_id = :tenantId order by id desc limit 1")
                .param("tenantId", tenantId).query(this::report).optional();
    }

    private Report report(ResultSet row, int rowNumber) throws SQLException {
        return row.getString("report") == null
                ? Report.running(row.getLong("id"), row.getString("tenant_id"), Timestamps.read(row, "started_at"))
                : json.readValue(row.getString("report"), Report.class);
    }

    @Override
    public List<Report> latestPerTenant() {
        return jdbc.sql("""
                select distinct on (tenant_id) report from reconciliation
                where status = 'DONE' order by tenant_id, id desc""")
                .query((row, n) -> json.readValue(row.getString("report"), Report.class)).list();
    }
}
