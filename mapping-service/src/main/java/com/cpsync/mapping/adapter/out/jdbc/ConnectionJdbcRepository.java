package com.cpsync.mapping.adapter.out.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.cpsync.mapping.domain.connection.ConnectionStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** QBO connections and OAuth states. Token columns hold ciphertext only. */
@Repository
public class ConnectionJdbcRepository {

    /** A stored connection; the token fields are ciphertext. */
    public record StoredConnection(String tenantId, String realmId, ConnectionStatus status,
                                   String accessTokenEnc, String refreshTokenEnc,
                                   Instant accessExpiresAt, Instant refreshExpiresAt) {
    }

    public record PendingState(String tenantId, Instant createdAt) {
    }

    private static final String COLUMNS = "tenant_id, realm_id, status, access_token_enc, refresh_token_enc, "
            + "access_expires_at, refresh_expires_at";

    private final JdbcClient jdbc;

    public ConnectionJdbcRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void saveState(String state, String tenantId, Instant createdAt) {
        jdbc.sql("insert into oauth_states (state, tenant_id, created_at) values (:state, :tenant, :createdAt)")
                .param("state", state).param("tenant", tenantId).param("createdAt", Timestamps.toDb(createdAt))
                .update();
    }

    /** Consumes the state: a second callback with the same state finds nothing. */
    public Optional<PendingState> takeState(String state) {
        return jdbc.sql("delete from oauth_states where state = :state returning tenant_id, created_at")
                .param("state", state)
                .query((rs, row) -> new PendingState(rs.getString("tenant_id"), Timestamps.fromDb(rs, "created_at")))
                .optional();
    }

    public int deleteStatesOlderThan(Instant cutoff) {
        return jdbc.sql("delete from oauth_states where created_at < :cutoff")
                .param("cutoff", Timestamps.toDb(cutoff)).update();
    }

    public Optional<StoredConnection> findByTenant(String tenantId) {
        return jdbc.sql("select " + COLUMNS + " from connections where tenant_id = :tenant")
                .param("tenant", tenantId).query(ConnectionJdbcRepository::map).optional();
    }

    /** Must run inside a transaction: holds the row until commit so no other instance refreshes meanwhile. */
    public Optional<StoredConnection> lockByTenant(String tenantId) {
        return jdbc.sql("select " + COLUMNS + " from connections where tenant_id = :tenant for update")
                .param("tenant", tenantId).query(ConnectionJdbcRepository::map).optional();
    }

    public Optional<StoredConnection> findByRealm(String realmId) {
        return jdbc.sql("select " + COLUMNS + " from connections where realm_id = :realm "
                        + "order by (status = 'CONNECTED') desc, updated_at desc limit 1")
                .param("realm", realmId).query(ConnectionJdbcRepository::map).optional();
    }

    public List<StoredConnection> findConnected() {
        return jdbc.sql("select " + COLUMNS + " from connections where status = 'CONNECTED' order by tenant_id")
                .query(ConnectionJdbcRepository::map).list();
    }

    /** Connects (or reconnects) the tenant to the realm with a fresh encrypted pair. */
    public void upsertConnected(String tenantId, String realmId, String accessEnc, String refreshEnc,
                                Instant accessExpiresAt, Instant refreshExpiresAt) {
        jdbc.sql("""
                        insert into connections (tenant_id, realm_id, status, access_token_enc, refresh_token_enc,
                                                 access_expires_at, refresh_expires_at)
                        values (:tenant, :realm, 'CONNECTED', :access, :refresh, :accessExp, :refreshExp)
                        on conflict (tenant_id) do update
                        set realm_id = excluded.realm_id, status = 'CONNECTED',
                            access_token_enc = excluded.access_token_enc, refresh_token_enc = excluded.refresh_token_enc,
                            access_expires_at = excluded.access_expires_at,
                            refresh_expires_at = excluded.refresh_expires_at, updated_at = now()""")
                .param("tenant", tenantId).param("realm", realmId).param("access", accessEnc)
                .param("refresh", refreshEnc).param("accessExp", Timestamps.toDb(accessExpiresAt))
                .param("refreshExp", Timestamps.toDb(refreshExpiresAt)).update();
    }

    /** Both tokens in one statement: the old refresh token is dead once the new one is issued. */
    public void updateTokens(String tenantId, String accessEnc, String refreshEnc,
                             Instant accessExpiresAt, Instant refreshExpiresAt) {
        jdbc.sql("""
                        update connections set access_token_enc = :access, refresh_token_enc = :refresh,
                            access_expires_at = :accessExp, refresh_expires_at = :refreshExp, updated_at = now()
                        where tenant_id = :tenant""")
                .param("tenant", tenantId).param("access", accessEnc).param("refresh", refreshEnc)
                .param("accessExp", Timestamps.toDb(accessExpiresAt))
                .param("refreshExp", Timestamps.toDb(refreshExpiresAt)).update();
    }

    /** Drops the tokens: a disconnected tenant must go through the authorize flow again. */
    public int disconnect(String tenantId) {
        return jdbc.sql("""
                        update connections set status = 'DISCONNECTED', access_token_enc = null,
                            refresh_token_enc = null, access_expires_at = null, refresh_expires_at = null,
                            updated_at = now()
                        where tenant_id = :tenant""")
                .param("tenant", tenantId).update();
    }

    private static StoredConnection map(ResultSet rs, int row) throws SQLException {
        return new StoredConnection(rs.getString("tenant_id"), rs.getString("realm_id"),
                ConnectionStatus.valueOf(rs.getString("status")), rs.getString("access_token_enc"),
                rs.getString("refresh_token_enc"), Timestamps.fromDb(rs, "access_expires_at"),
                Timestamps.fromDb(rs, "refresh_expires_at"));
    }
}
