package com.cpsync.console.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.cpsync.console.application.port.OutcomeIndex;
import com.cpsync.console.application.port.ResolutionStore;
import com.cpsync.console.domain.conflict.ConflictResolutionCommand;
import com.cpsync.console.domain.outcome.EntityLabel;
import com.cpsync.console.domain.outcome.IndexedOutcome;
import com.cpsync.console.domain.outcome.OutcomeSearch;
import com.cpsync.console.domain.outcome.TopicPosition;
import com.cpsync.console.domain.outcome.TrailEntry;
import com.cpsync.console.domain.reconciliation.LatestOutcome;
import com.cpsync.console.domain.tenant.TenantSummary;

/**
 * The stores of {@link ResolveHeldConflict} in memory: held conflicts and claims; and the tenants list
 * {@link ConsoleQueries} reads.
 */
public final class InMemoryResolutions implements OutcomeIndex, ResolutionStore {

    final List<TrailEntry> held = new ArrayList<>();
    final Map<Long, ConflictResolutionCommand> claims = new LinkedHashMap<>();
    final List<TenantSummary> tenants = new ArrayList<>();

    long hold(String tenantId, String entityType, String centerpointId) {
        long id = held.size() + 1;
        held.add(new TrailEntry(id, new IndexedOutcome(new TopicPosition("sync.outcomes.v1", 0, id), "out-" + id,
                tenantId, null, Instant.parse("2026-05-01T09:00:00Z"), "ev-" + id, "TO_QBO", entityType,
                centerpointId, null, "NONE", "CONFLICT", "QBO Vendor 12 'Acme' already uses the name", null), null));
        return id;
    }

    @Override
    public List<TrailEntry> heldConflicts(String tenantId) {
        return held.stream().filter(e -> e.outcome().tenantId().equals(tenantId)).toList();
    }

    @Override
    public List<LatestOutcome> latestOutcomes(String tenantId) {
        return List.of();
    }

    @Override
    public List<TenantSummary> tenants(Instant lastDaySince) {
        return tenants;
    }

    @Override
    public boolean claim(ConflictResolutionCommand command) {
        return claims.putIfAbsent(command.conflictRowId(), command) == null;
    }

    @Override
    public Optional<ConflictResolutionCommand> ofConflict(long conflictRowId) {
        return Optional.ofNullable(claims.get(conflictRowId));
    }

    @Override
    public void release(String resolutionId) {
        claims.values().removeIf(command -> command.resolutionId().equals(resolutionId));
    }

    @Override
    public void sent(String resolutionId, Instant at) {
    }

    // ---- not used by the resolution

    @Override
    public void add(IndexedOutcome outcome) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void label(EntityLabel label) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<TrailEntry> search(OutcomeSearch search) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<String> tenantOfRealm(String realmId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean knowsTenant(String tenantId) {
        throw new UnsupportedOperationException();
    }


    @Override
    public int deleteBefore(Instant cutoff) {
        throw new UnsupportedOperationException();
    }
}
