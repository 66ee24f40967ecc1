package com.cpsync.console.adapter.out.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.cpsync.console.application.port.OutcomeIndex;
import com.cpsync.console.domain.outcome.EntityLabel;
import com.cpsync.console.domain.outcome.IndexedOutcome;
import com.cpsync.console.domain.outcome.OutcomeSearch;
import com.cpsync.console.domain.outcome.TrailEntry;
import com.cpsync.console.domain.reconciliation.BooksEntity;
import com.cpsync.console.domain.reconciliation.LatestOutcome;
import com.cpsync.console.domain.tenant.TenantSummary;

/** The outcome index in PostgreSQL (tables {@code outcome} and {@code entity_label}). */
public record OutcomeJdbcIndex(JdbcClient jdbc) implements OutcomeIndex {

    private static final String TEXT_MATCH = " and (lower(o.centerpoint_id) = lower(:text) or lower(o.qbo_id) = lower(:text)"
            + " or lower(l.label) = lower(:text) or lower(o.outcome_id) = lower(:text)"
            + " or lower(o.causation_id) = lower(:text))";

    @Override
    public void add(IndexedOutcome outcome) {
        jdbc.sql("""
                insert into outcome (record_topic, record_partition, record_offset, outcome_id, tenant_id, realm_id,
                    occurred_at, causation_id, direction, entity_type, centerpoint_id, qbo_id, action, result, reason,
                    qbo_error_code)
                values (:topic, :partition, :offset, :outcomeId, :tenantId, :realmId, :occurredAt, :causationId,
                    :direction, :entityType, :centerpointId, :qboId, :action, :result, :reason, :qboErrorCode)
                on conflict on constraint outcome_position do nothing""")
                .params(RecordPositions.params(outcome.position()))
                .param("outcomeId", outcome.outcomeId())
                .param("tenantId", outcome.tenantId())
                .param("realmId", outcome.realmId())
                .param("occurredAt", Timestamps.of(outcome.occurredAt()))
                .param("causationId", outcome.causationId())
                .param("direction", outcome.direction())
                .param("entityType", outcome.entityType())
                .param("centerpointId", outcome.centerpointId())
                .param("qboId", outcome.qboId())
                .param("action", outcome.action())
                .param("result", outcome.result())
                .param("reason", outcome.reason())
                .param("qboErrorCode", outcome.qboErrorCode())
                .update();
    }

    @Override
    public void label(EntityLabel label) {
        jdbc.sql("""
                insert into entity_label (tenant_id, entity_type, centerpoint_id, label, seen_at)
                values (:tenantId, :entityType, :centerpointId, :label, :seenAt)
                on conflict (tenant_id, entity_type, centerpoint_id)
                do update set label = excluded.label, seen_at = excluded.seen_at
                where entity_label.seen_at <= excluded.seen_at""")
                .param("tenantId", label.tenantId())
                .param("entityType", label.entityType())
                .param("centerpointId", label.centerpointId())
                .param("label", label.label())
                .param("seenAt", Timestamps.of(label.seenAt()))
                .update();
    }

    @Override
    public List<TrailEntry> search(OutcomeSearch search) {
        StringBuilder sql = new StringBuilder("""
                select o.*, l.label from outcome o
                left join entity_label l on l.tenant_id = o.tenant_id and l.entity_type = o.entity_type
                    and l.centerpoint_id = o.centerpoint_id
                where o.tenant_id = :tenantId""");
        Map<String, Object> params = new HashMap<>();
        params.put("tenantId", search.tenantId());
        if (search.text() != null) {
            sql.append(TEXT_MATCH);
            params.put("text", search.text());
        }
        condition(sql, params, " and o.entity_type = :entityType", "entityType", search.entityType());
        condition(sql, params, " and o.result = :result", "result", search.result());
        condition(sql, params, " and o.occurred_at >= :from", "from", Timestamps.of(search.from()));
        condition(sql, params, " and o.occurred_at < :to", "to", Timestamps.of(search.to()));
        sql.append(" order by o.occurred_at, o.record_partition, o.record_offset limit :limit");
        params.put("limit", search.limit());
        return trail(jdbc.sql(sql.toString()).params(params));
    }

    @Override
    public List<TrailEntry> heldConflicts(String tenantId) {
        return trail(jdbc.sql("""
                select * from (
                    select distinct on (o.entity_type, o.centerpoint_id) o.*, l.label from outcome o
                    left join entity_label l on l.tenant_id = o.tenant_id and l.entity_type = o.entity_type
                        and l.centerpoint_id = o.centerpoint_id
                    where o.tenant_id = :tenantId and o.centerpoint_id is not null
                    order by o.entity_type, o.centerpoint_id, o.occurred_at desc, o.record_partition desc,
                        o.record_offset desc) latest
                where latest.result = 'CONFLICT'
                order by latest.occurred_at""")
                .param("tenantId", tenantId));
    }

    @Override
    public List<LatestOutcome> latestOutcomes(String tenantId) {
        return jdbc.sql("""
                select * from (
                    select o.entity_type, o.centerpoint_id, o.qbo_id, o.direction, o.result, o.reason, o.occurred_at,
                        row_number() over (partition by o.entity_type, o.centerpoint_id, o.qbo_id, o.direction
                            order by o.occurred_at desc, o.record_partition desc, o.record_offset desc) as position,
                        max(o.occurred_at) filter (where o.result = 'SYNCED')
                            over (partition by o.entity_type, o.centerpoint_id, o.qbo_id, o.direction) as last_synced_at
                    from outcome o
                    where o.tenant_id = :tenantId and (o.centerpoint_id is not null or o.qbo_id is not null)) ranked
                where ranked.position = 1""")
                .param("tenantId", tenantId)
                .query((row, rowNumber) -> new LatestOutcome(BooksEntity.valueOf(row.getString("entity_type")),
                        row.getString("centerpoint_id"), row.getString("qbo_id"), row.getString("result"),
                        row.getString("reason"), Timestamps.read(row, "occurred_at"),
                        Timestamps.read(row, "last_synced_at"), row.getString("direction")))
                .list();
    }

    private static void condition(StringBuilder sql, Map<String, Object> params, String clause, String name,
            Object value) {
        if (value != null) {
            sql.append(clause);
            params.put(name, value);
        }
    }

    @Override
    public Optional<String> tenantOfRealm(String realmId) {
        return jdbc.sql("select tenant_id from outcome where realm_id = :realmId order by occurred_at desc limit 1")
                .param("realmId", realmId).query(String.class).optional();
    }

    @Override
    public boolean knowsTenant(String tenantId) {
        return jdbc.sql("""
                select exists (select 1 from outcome where tenant_id = :tenantId)
                    or exists (select 1 from dead_letter where tenant_id = :tenantId)""")
                .param("tenantId", tenantId).query(Boolean.class).single();
    }

    @Override
    public List<TenantSummary> tenants(Instant lastDaySince) {
        Map<String, Map<String, Long>> counts = new HashMap<>();
        jdbc.sql("""
                select tenant_id, result, count(*) as n from outcome where occurred_at >= :since
                group by tenant_id, result order by result""")
                .param("since", Timestamps.of(lastDaySince))
                .query(row -> {
                    counts.computeIfAbsent(row.getString("tenant_id"), tenant -> new LinkedHashMap<>())
                            .put(row.getString("result"), row.getLong("n"));
                });
        return jdbc.sql("""
                with tenant as (select distinct tenant_id from outcome
                                union select tenant_id from dead_letter where tenant_id is not null)
                select t.tenant_id,
                    (select o.realm_id from outcome o where o.tenant_id = t.tenant_id and o.realm_id is not null
                        order by o.occurred_at desc limit 1) as realm_id,
                    last.occurred_at as last_at, last.result as last_result,
                    (select count(*) from dead_letter d where d.tenant_id = t.tenant_id and d.replayed_at is null)
                        as open_dead_letters
                from tenant t
                left join lateral (select o.occurred_at, o.result from outcome o where o.tenant_id = t.tenant_id
                    order by o.occurred_at desc, o.id desc limit 1) last on true
                order by t.tenant_id""")
                .query((row, rowNumber) -> new TenantSummary(row.getString("tenant_id"), row.getString("realm_id"),
                        Timestamps.read(row, "last_at"), row.getString("last_result"),
                        counts.getOrDefault(row.getString("tenant_id"), Map.of()), row.getLong("open_dead_letters")))
                .list();
    }

    @Override
    public int deleteBefore(Instant cutoff) {
        jdbc.sql("delete from entity_label where seen_at < :cutoff").param("cutoff", Timestamps.of(cutoff)).update();
        return jdbc.sql("delete from outcome where occurred_at < :cutoff").param("cutoff", Timestamps.of(cutoff))
                .update();
    }

    /** The outcomes a statement selects, each with its entity's label. */
    private static List<TrailEntry> trail(JdbcClient.StatementSpec statement) {
        return statement.query((row, rowNumber) -> new TrailEntry(row.getLong("id"), outcome(row),
                row.getString("label"))).list();
    }

    private static IndexedOutcome outcome(ResultSet row) throws SQLException {
        return new IndexedOutcome(RecordPositions.read(row), row.getString("outcome_id"), row.getString("tenant_id"),
                row.getString("realm_id"), Timestamps.read(row, "occurred_at"), row.getString("causation_id"),
                row.getString("direction"), row.getString("entity_type"), row.getString("centerpoint_id"),
                row.getString("qbo_id"), row.getString("action"), row.getString("result"), row.getString("reason"),
                row.getString("qbo_error_code"));
    }
}
