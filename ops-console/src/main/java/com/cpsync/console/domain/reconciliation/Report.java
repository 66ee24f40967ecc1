package com.cpsync.console.domain.reconciliation;

import java.time.Instant;
import java.util.List;

/** One reconciliation of a tenant as the API shows it: RUNNING, then DONE with its findings, or FAILED with why. */
public record Report(long id, String tenantId, Status status, Instant startedAt, Instant finishedAt, Summary summary,
        List<MonthFigures> months, List<Difference> differences, String failure) {

    public Report {
        months = months == null ? List.of() : List.copyOf(months);
        differences = differences == null ? List.of() : List.copyOf(differences);
    }

    public enum Status {
        RUNNING, DONE, FAILED
    }

    /** The counts the API promises: records checked, matched, differences explained and not, QBO reads spent. */
    public record Summary(int checked, int matched, int explained, int unexplained, int qboReads) {
    }

    public static Report running(long id, String tenantId, Instant startedAt) {
        return new Report(id, tenantId, Status.RUNNING, startedAt, null, null, List.of(), List.of(), null);
    }

    public Report done(Reconciled reconciled, int qboReads, Instant at) {
        return new Report(id, tenantId, Status.DONE, startedAt, at, new Summary(reconciled.checked(),
                reconciled.matched(), reconciled.explained(), reconciled.unexplained(), qboReads),
                reconciled.months(), reconciled.differences(), null);
    }

    public Report failed(String reason, Instant at) {
        return new Report(id, tenantId, Status.FAILED, startedAt, at, null, List.of(), List.of(), reason);
    }
}
