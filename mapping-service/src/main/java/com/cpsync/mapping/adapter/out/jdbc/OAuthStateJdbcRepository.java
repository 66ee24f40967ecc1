package com.cpsync.mapping.adapter.out.jdbc;

import java.time.Instant;
import java.util.Optional;

import com.cpsync.mapping.application.port.OAuthStateStore;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OAuthStateJdbcRepository implements OAuthStateStore {

    private final JdbcClient jdbc;

    OAuthStateJdbcRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(String state, String tenantId, Instant createdAt) {
        jdbc.sql("insert into oauth_states (state, tenant_id, created_at) values (:state, :tenant, :createdAt)")
                .param("state", state).param("tenant", tenantId).param("createdAt", Timestamps.toDb(createdAt))
                .update();
    }

    /** One statement, so two callbacks with the same state cannot both find it. */
    @Override
    public Optional<PendingState> take(String state) {
        return jdbc.sql("delete from oauth_states where state = :state returning tenant_id, created_at")
                .param("state", state)
                .query((rs, row) -> new PendingState(rs.getString("tenant_id"), Timestamps.fromDb(rs, "created_at")))
                .optional();
    }

    @Override
    public int deleteOlderThan(Instant cutoff) {
        return jdbc.sql("delete from oauth_states where created_at < :cutoff")
                .param("cutoff", Timestamps.toDb(cutoff)).update();
    }
}
