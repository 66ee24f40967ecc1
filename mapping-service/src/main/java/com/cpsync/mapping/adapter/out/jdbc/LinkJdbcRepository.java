package com.cpsync.mapping.adapter.out.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import com.cpsync.mapping.domain.link.EntityType;
import com.cpsync.mapping.domain.link.Link;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class LinkJdbcRepository {

    private final JdbcClient jdbc;

    public LinkJdbcRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the new link, or empty when either side is already linked (the caller looks at why) */
    public Optional<Link> insertIfAbsent(String tenantId, EntityType type, String centerpointId, String qboId) {
        return jdbc.sql("""
                        insert into links (tenant_id, entity_type, centerpoint_id, qbo_id)
                        values (:tenant, :type, :cp, :qbo)
                        on conflict do nothing
                        returning tenant_id, entity_type, centerpoint_id, qbo_id, created_at""")
                .param("tenant", tenantId).param("type", type.name()).param("cp", centerpointId).param("qbo", qboId)
                .query(LinkJdbcRepository::map).optional();
    }

    public Optional<Link> findByCenterpointId(String tenantId, EntityType type, String centerpointId) {
        return jdbc.sql("""
                        select tenant_id, entity_type, centerpoint_id, qbo_id, created_at from links
                        where tenant_id = :tenant and entity_type = :type and centerpoint_id = :cp""")
                .param("tenant", tenantId).param("type", type.name()).param("cp", centerpointId)
                .query(LinkJdbcRepository::map).optional();
    }

    public Optional<Link> findByQboId(String tenantId, EntityType type, String qboId) {
        return jdbc.sql("""
                        select tenant_id, entity_type, centerpoint_id, qbo_id, created_at from links
                        where tenant_id = :tenant and entity_type = :type and qbo_id = :qbo""")
                .param("tenant", tenantId).param("type", type.name()).param("qbo", qboId)
                .query(LinkJdbcRepository::map).optional();
    }

    public int repoint(String tenantId, EntityType type, String fromQboId, String toQboId) {
        return jdbc.sql("""
                        update links set qbo_id = :to
                        where tenant_id = :tenant and entity_type = :type and qbo_id = :from""")
                .param("tenant", tenantId).param("type", type.name()).param("from", fromQboId).param("to", toQboId)
                .update();
    }

    private static Link map(ResultSet rs, int row) throws SQLException {
        return new Link(rs.getString("tenant_id"), EntityType.valueOf(rs.getString("entity_type")),
                rs.getString("centerpoint_id"), rs.getString("qbo_id"), Timestamps.fromDb(rs, "created_at"));
    }
}
