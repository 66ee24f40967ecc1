package com.cpsync.console.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.cpsync.console.domain.reconciliation.Report;

/** The reconciliations run: RUNNING until their report is stored DONE, or FAILED with why. */
public interface ReconciliationStore {

    /** Stores a RUNNING reconciliation of the tenant; returns it with its id. */
    Report start(String tenantId, String requestedBy, Instant at);

    /** Replaces the reconciliation by its DONE or FAILED report. */
    void finish(Report report);

    Optional<Report> find(String tenantId, long id);

    /** The tenant's latest reconciliation, whatever its status (the reconciliation page). */
    Optional<Report> latest(String tenantId);

    /** Each tenant's latest DONE report, for the metric. */
    List<Report> latestPerTenant();
}
