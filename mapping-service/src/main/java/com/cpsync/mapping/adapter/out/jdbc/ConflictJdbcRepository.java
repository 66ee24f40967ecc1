package com.cpsync.mapping.adapter.out.jdbc;

import java.util.List;

import com.cpsync.mapping.application.port.ConflictStore;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ConflictJdbcRepository implements ConflictStore {

    private final JdbcClient jdbc;

    ConflictJdbcRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(String tenantId, String centerpointId, String displayName, String reason) {
        jdbc.sql("""
                        insert into customer_conflicts (tenant_id, centerpoint_id, display_name, reason)
                        values (:tenant, :cp, :name, :reason)
                        on conflict (tenant_id, centerpoint_id) do update
                        set display_name = excluded.display_name, reason = excluded.reason, updated_at = now()""")
                .param("tenant", tenantId).param("cp", centerpointId).param("name", displayName)
                .param("reason", reason).update();
    }

    @Override
    public void resolve(String tenantId, String centerpointId) {
        jdbc.sql("delete from customer_conflicts where tenant_id = :tenant and centerpoint_id = :cp")
                .param("tenant", tenantId).param("cp", centerpointId).update();
    }

    @Override
    public List<CustomerConflict> list(String tenantId) {
        return jdbc.sql("""
                        select tenant_id, centerpoint_id, display_name, reason, created_at, updated_at
                        from customer_conflicts where tenant_id = :tenant order by created_at, centerpoint_id""")
                .param("tenant", tenantId)
                .query((rs, row) -> new CustomerConflict(rs.getString("tenant_id"), rs.getString("centerpoint_id"),
                        rs.getString("display_name"), rs.getString("reason"),
                        Timestamps.fromDb(rs, "created_at"), Timestamps.fromDb(rs, "updated_at")))
                .list();
    }
}
