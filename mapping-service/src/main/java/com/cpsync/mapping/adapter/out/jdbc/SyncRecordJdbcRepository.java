package com.cpsync.mapping.adapter.out.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
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
    public void recordWrite(String realmId, String tenantId, String qboEntity, String qboId, String syncToken,
            String traceId) {
        jdbc.sql("""
                        insert into write_records (realm_id, qbo_entity_key, qbo_entity, qbo_id, tenant_id, sync_token, trace_id)
                        values (:realm, :key, :entity, :id, :tenant, :token, :trace)
                        on conflict (realm_id, qbo_entity_key, qbo_id) do update
                        set qbo_entity = excluded.qbo_entity, tenant_id = excluded.tenant_id,
                            sync_token = excluded.sync_token, trace_id = excluded.trace_id,
                            written_at = now()""")
                .param("realm", realmId).param("key", key(qboEntity)).param("entity", qboEntity)
                .param("id", qboId).param("tenant", tenantId).param("token", syncToken).param("trace", traceId).update();
    }

    @Override
    public Optional<WriteRecord> findWrite(String realmId, String qboEntity, String qboId) {
        return jdbc.sql("""
                        select qbo_entity, qbo_id, sync_token, written_at, trace_id from write_records
                        where realm_id = :realm and qbo_entity_key = :key and qbo_id = :id""")
                .param("realm", realmId).param("key", key(qboEntity)).param("id", qboId)
                .query((rs, row) -> new WriteRecord(rs.getString("qbo_entity"), rs.getString("qbo_id"),
                        rs.getString("sync_token"), Timestamps.fromDb(rs, "written_at"), rs.getString("trace_id")))
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
    public void announceCreate(String realmId, AnnouncedCreate create) {
        jdbc.sql("""
                        insert into announced_creates
                            (realm_id, entity_type, centerpoint_id, tenant_id, display_name, parent_qbo_id, announced_at)
                        values (:realm, :type, :centerpointId, :tenant, :name, :parent, :at)
                        on conflict (realm_id, entity_type, centerpoint_id) do update
                        set tenant_id = excluded.tenant_id, display_name = excluded.display_name,
                            parent_qbo_id = excluded.parent_qbo_id, announced_at = excluded.announced_at""")
                .param("realm", realmId).param("type", create.entityType()).param("centerpointId", create.centerpointId())
                .param("tenant", create.tenantId()).param("name", create.displayName())
                .param("parent", create.parentQboId()).param("at", Timestamps.toDb(create.announcedAt())).update();
    }

    @Override
    public void withdrawCreate(String realmId, String entityType, String centerpointId) {
        jdbc.sql("""
                        delete from announced_creates
                        where realm_id = :realm and entity_type = :type and centerpoint_id = :centerpointId""")
                .param("realm", realmId).param("type", entityType).param("centerpointId", centerpointId).update();
    }

    @Override
    public List<AnnouncedCreate> announcedCreates(String realmId, String displayName, Instant since) {
        return announcedCreatesWhere(realmId, "display_name", displayName, since);
    }

    @Override
    public List<AnnouncedCreate> announcedCreatesOf(String realmId, String entityType, Instant since) {
        return announcedCreatesWhere(realmId, "entity_type", entityType, since);
    }

    /** @param column one of this class's own column names, never input */
    private List<AnnouncedCreate> announcedCreatesWhere(String realmId, String column, String value, Instant since) {
        return jdbc.sql("select * from announced_creates where realm_id = :realm and " + column + " = :value"
                        + " and announced_at > :since order by announced_at")
                .param("realm", realmId).param("value", value).param("since", Timestamps.toDb(since))
                .query(SyncRecordJdbcRepository::announced).list();
    }

    @Override
    public int forgetAnnouncedCreates(Instant before) {
        return jdbc.sql("delete from announced_creates where announced_at < :before")
                .param("before", Timestamps.toDb(before)).update();
    }

    private static AnnouncedCreate announced(ResultSet rs, int row) throws SQLException {
        return new AnnouncedCreate(rs.getString("entity_type"), rs.getString("centerpoint_id"),
                rs.getString("tenant_id"), rs.getString("display_name"), rs.getString("parent_qbo_id"),
                Timestamps.fromDb(rs, "announced_at"));
    }

    @Override
    public Optional<String> findAppliedPayload(String realmId, String qboEntity, String qboId) {
        return jdbc.sql("""
                        select payload_hash from applied_payloads
                        where realm_id = :realm and qbo_entity_key = :key and qbo_id = :id""")
                .param("realm", realmId).param("key", key(qboEntity)).param("id", qboId)
                .query(String.class).optional();
    }

    @Override
    public void saveAppliedPayload(String realmId, String qboEntity, String qboId, String payloadHash) {
        jdbc.sql("""
                        insert into applied_payloads (realm_id, qbo_entity_key, qbo_id, payload_hash)
                        values (:realm, :key, :id, :hash)
                        on conflict (realm_id, qbo_entity_key, qbo_id) do update
                        set payload_hash = excluded.payload_hash, updated_at = now()""")
                .param("realm", realmId).param("key", key(qboEntity)).param("id", qboId).param("hash", payloadHash)
                .update();
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
