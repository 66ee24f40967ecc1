package com.cpsync.mapping.adapter.out.jdbc;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.cpsync.mapping.application.port.TokenKeyStore;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The key-rotation view of the connections table. */
@Repository
class TokenKeyJdbcRepository implements TokenKeyStore {

    private final JdbcClient jdbc;

    TokenKeyJdbcRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Long> rowsPerKeyId() {
        return jdbc.sql("select token_key_id, count(*) as n from connections where token_key_id is not null "
                        + "group by token_key_id")
                .query((rs, row) -> Map.entry(rs.getString("token_key_id"), rs.getLong("n"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** {@code skip locked}: a row a refresh or another instance's batch holds is left for a later batch. */
    @Override
    public List<KeyedTokens> lockBatchUnder(Collection<String> oldKeyIds, int limit) {
        return jdbc.sql("""
                        select tenant_id, token_key_id, access_token_enc, refresh_token_enc from connections
                        where token_key_id in (:oldKeys)
                        order by tenant_id limit :limit
                        for update skip locked""")
                .param("oldKeys", oldKeyIds).param("limit", limit)
                .query((rs, row) -> new KeyedTokens(rs.getString("tenant_id"), rs.getString("token_key_id"),
                        rs.getString("access_token_enc"), rs.getString("refresh_token_enc")))
                .list();
    }

    /** updated_at stays: the connection itself did not change. */
    @Override
    public void replaceTokens(String tenantId, String accessTokenEnc, String refreshTokenEnc, String keyId) {
        jdbc.sql("""
                        update connections set access_token_enc = :access, refresh_token_enc = :refresh,
                            token_key_id = :keyId
                        where tenant_id = :tenant""")
                .param("tenant", tenantId).param("access", accessTokenEnc).param("refresh", refreshTokenEnc)
                .param("keyId", keyId).update();
    }
}
