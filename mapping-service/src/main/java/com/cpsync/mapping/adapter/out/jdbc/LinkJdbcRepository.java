package com.cpsync.mapping.adapter.out.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.cpsync.mapping.application.port.LinkStore;
import com.cpsync.mapping.domain.link.EntityType;
import com.cpsync.mapping.domain.link.Link;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class LinkJdbcRepository implements LinkStore {

    private static final String COLUMNS = "tenant_id, entity_type, centerpoint_id, qbo_id, created_at";

    private final JdbcClient jdbc;

    LinkJdbcRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Link> insertIfAbsent(String tenantId, EntityType type, String centerpointId, String qboId) {
        return jdbc.sql("insert into links (tenant_id, entity_type, centerpoint_id, qbo_id)"
                        + " values (:tenant, :type, :cp, :qbo) on conflict do nothing returning " + COLUMNS)
                .param("tenant", tenantId).param("type", type.name()).param("cp", centerpointId).param("qbo", qboId)
                .query(LinkJdbcRepository::map).optional();
    }

    @Override
    public Optional<Link> findByCenterpointId(String tenantId, EntityType type, String centerpointId) {
        return findBy("centerpoint_id", tenantId, type, centerpointId);
    }

    @Override
    public Optional<Link> findByQboId(String tenantId, EntityType type, String qboId) {
        return findBy("qbo_id", tenantId, type, qboId);
    }

    @Override
    public List<Link> findByCenterpointIds(String tenantId, EntityType type, Collection<String> centerpointIds) {
        if (centerpointIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from links"
                        + " where tenant_id = :tenant and entity_type = :type and centerpoint_id in (:ids)")
                .param("tenant", tenantId).param("type", type.name()).param("ids", centerpointIds)
                .query(LinkJdbcRepository::map).list();
    }

    /** {@code idColumn} is one of our two column names, never caller input. */
    private Optional<Link> findBy(String idColumn, String tenantId, EntityType type, String id) {
        return jdbc.sql("select " + COLUMNS + " from links"
                        + " where tenant_id = :tenant and entity_type = :type and " + idColumn + " = :id")
                .param("tenant", tenantId).param("type", type.name()).param("id", id)
                .query(LinkJdbcRepository::map).optional();
    }

    @Override
    public int repoint(String tenantId, EntityType type, String fromQboId, String toQboId) {
        try {
            return jdbc.sql("""
                            update links set qbo_id = :to
                            where tenant_id = :tenant and entity_type = :type and qbo_id = :from""")
                    .param("tenant", tenantId).param("type", type.name()).param("from", fromQboId)
                    .param("to", toQboId).update();
        } catch (DuplicateKeyException e) {
            throw new QboIdTakenException(e);
        }
    }

    private static Link map(ResultSet rs, int row) throws SQLException {
        return new Link(rs.getString("tenant_id"), EntityType.valueOf(rs.getString("entity_type")),
                rs.getString("centerpoint_id"), rs.getString("qbo_id"), Timestamps.fromDb(rs, "created_at"));
    }
}
