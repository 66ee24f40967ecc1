package com.cpsync.mapping.adapter.out.jdbc;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import com.cpsync.mapping.application.port.SyncRecordStore;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SyncRecordJdbcRepository implements SyncRecordStore {

    private final JdbcClient jdbc;

    SyncRecordJdbcRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void recordWrite(String realmId, String tenantId, String qboEntity, String qboId, String syncToken) {
        jdbc.sql("""
                        insert into write_records (realm_id, qbo_entity_key, qbo_entity, qbo_id, tenant_id, sync_token)
                        values (:realm, :key, :entity, :id, :tenant, :token)
                        on conflict (realm_id, qbo_entity_key, qbo_id) do update
                        set qbo_entity = excluded.qbo_entity, tenant_id = excluded.tenant_id,
                            sync_token = excluded.sync_token, written_at = now()""")
                .param("realm", realmId).param("key", key(qboEntity)).param("entity", qboEntity)
                .param("id", qboId).param("tenant", tenantId).param("token", syncToken).update();
    }

    @Override
    public Optional<WriteRecord> findWrite(String realmId, String qboEntity, String qboId) {
        return jdbc.sql("""
                        select qbo_entity, qbo_id, sync_token, written_at from write_records
                        where realm_id = :realm and qbo_entity_key = :key and qbo_id = :id""")
                .param("realm", realmId).param("key", key(qboEntity)).param("id", qboId)
                .query((rs, row) -> new WriteRecord(rs.getString("qbo_entity"), rs.getString("qbo_id"),
                        rs.getString("sync_token"), Timestamps.fromDb(rs, "written_at")))
                .optional();
    }

    /** One statement: the race the port promises to settle is settled by the database. */
    @Override
    public boolean applyIfNewer(String realmId, String qboEntity, String qboId, Instant lastUpdated, String syncToken) {
        return jdbc.sql("""
                        insert into applied_changes (realm_id, qbo_entity_key, qbo_id, last_updated, sync_token)
                        values (:realm, :key, :id, :lastUpdated, :token)
                        on conflict (realm_id, qbo_entity_key, qbo_id) do update
                        set last_updated = excluded.last_updated, sync_token = excluded.sync_token, applied_at = now()
                        where excluded.last_updated > applied_changes.last_updated
                        returning 1""")
                .param("realm", realmId).param("key", key(qboEntity)).param("id", qboId)
                .param("lastUpdated", Timestamps.toDb(lastUpdated)).param("token", syncToken)
                .query(Integer.class).optional().isPresent();
    }

    @Override
    public Optional<Instant> findCdcCursor(String realmId) {
        return jdbc.sql("select changed_since from cdc_cursors where realm_id = :realm")
                .param("realm", realmId)
                .query((rs, row) -> Timestamps.fromDb(rs, "changed_since")).optional();
    }

    @Override
    public void saveCdcCursor(String realmId, Instant changedSince) {
        jdbc.sql("""
                        insert into cdc_cursors (realm_id, changed_since) values (:realm, :since)
                        on conflict (realm_id) do update set changed_since = excluded.changed_since, updated_at = now()""")
                .param("realm", realmId).param("since", Timestamps.toDb(changedSince)).update();
    }

    /** QBO entity names arrive as "Customer" from the API and "customer" from CloudEvents types. */
    private static String key(String qboEntity) {
        return qboEntity.toLowerCase(Locale.ROOT);
    }
}
