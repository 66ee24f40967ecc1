package com.cpsync.console.adapter.out.jdbc;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.cpsync.console.application.port.ResolutionStore;
import com.cpsync.console.domain.conflict.ConflictResolutionCommand;
import com.cpsync.console.domain.conflict.ResolutionRequest;

/** Resolutions in PostgreSQL (table {@code conflict_resolution}, unique per held outcome). */
public record ResolutionJdbcStore(JdbcClient jdbc) implements ResolutionStore {

    @Override
    public boolean claim(ConflictResolutionCommand command) {
        return jdbc.sql("""
                insert into conflict_resolution (resolution_id, conflict_row_id, conflict_outcome_id, tenant_id,
                    entity_type, centerpoint_id, action, qbo_id, requested_by, requested_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing""")
                .params(command.resolutionId(), command.conflictRowId(), command.conflictOutcomeId(),
                        command.tenantId(), command.entityType(), command.centerpointId(), command.action().name(),
                        command.qboId(), command.requestedBy(), Timestamps.of(command.requestedAt()))
                .update() == 1;
    }

    @Override
    public Optional<ConflictResolutionCommand> ofConflict(long conflictRowId) {
        return jdbc.sql("select * from conflict_resolution where conflict_row_id = ?").param(conflictRowId)
                .query((row, rowNumber) -> new ConflictResolutionCommand(row.getString("resolution_id"),
                        row.getLong("conflict_row_id"), row.getString("conflict_outcome_id"),
                        row.getString("tenant_id"), row.getString("entity_type"), row.getString("centerpoint_id"),
                        ResolutionRequest.Action.valueOf(row.getString("action")), row.getString("qbo_id"),
                        row.getString("requested_by"), Timestamps.read(row, "requested_at")))
                .optional();
    }

    @Override
    public void release(String resolutionId) {
        jdbc.sql("delete from conflict_resolution where resolution_id = ? and sent_at is null").param(resolutionId)
                .update();
    }

    @Override
    public void sent(String resolutionId, Instant at) {
        jdbc.sql("update conflict_resolution set sent_at = ? where resolution_id = ?")
                .params(Timestamps.of(at), resolutionId).update();
    }
}
