package com.cpsync.mapping.adapter.out.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.cpsync.mapping.application.port.ConnectionStore;
import com.cpsync.mapping.application.port.EncryptedTokens;
import com.cpsync.mapping.domain.connection.ConnectionStatus;
import com.cpsync.mapping.domain.connection.TokenCipher;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** QBO connections. Token columns hold ciphertext only; token_key_id mirrors the key id the ciphertext names. */
@Repository
class ConnectionJdbcRepository implements ConnectionStore {

    private static final String COLUMNS = "tenant_id, realm_id, status, access_token_enc, refresh_token_enc, "
            + "access_expires_at, refresh_expires_at";

    private final JdbcClient jdbc;

    ConnectionJdbcRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<StoredConnection> findByTenant(String tenantId) {
        return jdbc.sql("select " + COLUMNS + " from connections where tenant_id = :tenant")
                .param("tenant", tenantId).query(ConnectionJdbcRepository::map).optional();
    }

    /** {@code for update}: the row stays locked until the surrounding transaction commits. */
    @Override
    public Optional<StoredConnection> lockByTenant(String tenantId) {
        return jdbc.sql("select " + COLUMNS + " from connections where tenant_id = :tenant for update")
                .param("tenant", tenantId).query(ConnectionJdbcRepository::map).optional();
    }

    @Override
    public Optional<StoredConnection> findByRealm(String realmId) {
        return jdbc.sql("select " + COLUMNS + " from connections where realm_id = :realm "
                        + "order by (status = 'CONNECTED') desc, updated_at desc limit 1")
                .param("realm", realmId).query(ConnectionJdbcRepository::map).optional();
    }

    @Override
    public List<StoredConnection> findConnected() {
        return jdbc.sql("select " + COLUMNS + " from connections where status = 'CONNECTED' order by tenant_id")
                .query(ConnectionJdbcRepository::map).list();
    }

    @Override
    public void upsertConnected(String tenantId, String realmId, EncryptedTokens tokens) {
        jdbc.sql("""
                        insert into connections (tenant_id, realm_id, status, access_token_enc, refresh_token_enc,
                                                 token_key_id, access_expires_at, refresh_expires_at)
                        values (:tenant, :realm, 'CONNECTED', :access, :refresh, :keyId, :accessExp, :refreshExp)
                        on conflict (tenant_id) do update
                        set realm_id = excluded.realm_id, status = 'CONNECTED',
                            access_token_enc = excluded.access_token_enc, refresh_token_enc = excluded.refresh_token_enc,
                            token_key_id = excluded.token_key_id,
                            access_expires_at = excluded.access_expires_at,
                            refresh_expires_at = excluded.refresh_expires_at, updated_at = now()""")
                .param("tenant", tenantId).param("realm", realmId).params(tokenParams(tokens)).update();
    }

    /** Both tokens in one statement: the old refresh token is dead once the new one is issued. */
    @Override
    public void updateTokens(String tenantId, EncryptedTokens tokens) {
        jdbc.sql("""
                        update connections set access_token_enc = :access, refresh_token_enc = :refresh,
                            token_key_id = :keyId, access_expires_at = :accessExp, refresh_expires_at = :refreshExp, updated_at = now()
                        where tenant_id = :tenant""")
                .param("tenant", tenantId).params(tokenParams(tokens)).update();
    }

    @Override
    public int disconnect(String tenantId) {
        return jdbc.sql("""
                        update connections set status = 'DISCONNECTED', access_token_enc = null,
                            refresh_token_enc = null, token_key_id = null, access_expires_at = null, refresh_expires_at = null,
                            updated_at = now()
                        where tenant_id = :tenant""")
                .param("tenant", tenantId).update();
    }

    private static Map<String, Object> tokenParams(EncryptedTokens tokens) {
        Map<String, Object> params = new HashMap<>();
        params.put("access", tokens.accessTokenEnc());
        params.put("refresh", tokens.refreshTokenEnc());
        params.put("keyId", TokenCipher.keyIdOf(tokens.accessTokenEnc()));
        params.put("accessExp", Timestamps.toDb(tokens.accessExpiresAt()));
        params.put("refreshExp", Timestamps.toDb(tokens.refreshExpiresAt()));
        return params;
    }

    private static StoredConnection map(ResultSet rs, int row) throws SQLException {
        return new StoredConnection(rs.getString("tenant_id"), rs.getString("realm_id"),
                ConnectionStatus.valueOf(rs.getString("status")), rs.getString("access_token_enc"),
                rs.getString("refresh_token_enc"), Timestamps.fromDb(rs, "access_expires_at"),
                Timestamps.fromDb(rs, "refresh_expires_at"));
    }
}
