package com.cpsync.console.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.cpsync.console.domain.outcome.EntityLabel;
import com.cpsync.console.domain.outcome.IndexedOutcome;
import com.cpsync.console.domain.outcome.OutcomeSearch;
import com.cpsync.console.domain.outcome.TrailEntry;
import com.cpsync.console.domain.reconciliation.LatestOutcome;
import com.cpsync.console.domain.tenant.TenantSummary;

/** The searchable index of sync outcomes and of the Centerpoint labels they are found by. */
public interface OutcomeIndex {

    /** Stores an outcome once per topic position: a redelivered record changes nothing. */
    void add(IndexedOutcome outcome);

    /** Keeps the latest label of a Centerpoint entity. */
    void label(EntityLabel label);

    List<TrailEntry> search(OutcomeSearch search);

    /**
     * The tenant's held records: each Centerpoint entity whose latest outcome is a CONFLICT (a later outcome of
     * the same entity means it was settled), oldest first.
     */
    List<TrailEntry> heldConflicts(String tenantId);

    /**
     * The latest outcome of each (entity, Centerpoint id, QBO id) of the tenant, with the time of the latest SYNCED
     * one among them, for reconciliation.
     */
    List<LatestOutcome> latestOutcomes(String tenantId);

    /** The tenant whose outcomes name this realm, for dead letters keyed by realm. */
    Optional<String> tenantOfRealm(String realmId);

    /** Whether the tenant has any outcome or dead letter in the index. */
    boolean knowsTenant(String tenantId);

    /** Every tenant with an outcome or a dead letter; counts from {@code lastDaySince} on. */
    List<TenantSummary> tenants(Instant lastDaySince);

    /** Deletes outcomes and labels older than the cutoff; returns how many outcomes went. */
    int deleteBefore(Instant cutoff);
}
