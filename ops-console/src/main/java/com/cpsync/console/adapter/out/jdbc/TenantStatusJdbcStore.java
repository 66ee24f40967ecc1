package com.cpsync.console.adapter.out.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.cpsync.console.application.port.TenantStatusStore;
import com.cpsync.console.domain.outcome.TopicPosition;
import com.cpsync.console.domain.tenant.WorkStatus;

/** Tenants' work statuses in PostgreSQL (table {@code tenant_status}, one row per tenant). */
public record TenantStatusJdbcStore(JdbcClient jdbc, String topic) implements TenantStatusStore {

    @Override
    public Optional<WorkStatus> of(String tenantId) {
        return jdbc.sql("select * from tenant_status where tenant_id = ?").param(tenantId)
                .query((row, rowNumber) -> read(row)).optional();
    }

    @Override
    public void put(WorkStatus status) {
        jdbc.sql("""
                insert into tenant_status (tenant_id, realm_id, state, reason, until, instance, changed_at,
                    source_partition, source_offset)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant_id) do update set realm_id = excluded.realm_id, state = excluded.state,
                    reason = excluded.reason, until = excluded.until, instance = excluded.instance,
                    changed_at = excluded.changed_at, source_partition = excluded.source_partition,
                    source_offset = excluded.source_offset""")
                .params(status.tenantId(), status.realmId(), status.state().name(), status.reason(),
                        Timestamps.of(status.until()), status.instance(), Timestamps.of(status.changedAt()),
                        status.position().partition(), status.position().offset())
                .update();
    }

    @Override
    public void remove(String tenantId) {
        jdbc.sql("delete from tenant_status where tenant_id = ?").param(tenantId).update();
    }

    @Override
    public Map<String, WorkStatus> all() {
        return jdbc.sql("select * from tenant_status").query((row, rowNumber) -> read(row)).list().stream()
                .collect(Collectors.toMap(WorkStatus::tenantId, Function.identity()));
    }

    private WorkStatus read(ResultSet row) throws SQLException {
        return new WorkStatus(row.getString("tenant_id"), row.getString("realm_id"),
                WorkStatus.State.valueOf(row.getString("state")), row.getString("reason"),
                Timestamps.read(row, "until"), row.getString("instance"), Timestamps.read(row, "changed_at"),
                new TopicPosition(topic, row.getInt("source_partition"), row.getLong("source_offset")));
    }
}
