package com.cpsync.console.application.reconciliation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.cpsync.console.application.port.AuditLog;
import com.cpsync.console.application.port.CenterpointBooks;
import com.cpsync.console.application.port.QboChangeAnnouncer;
import com.cpsync.console.domain.audit.AuditEntry;
import com.cpsync.console.domain.reconciliation.BooksEntity;
import com.cpsync.console.domain.reconciliation.Difference;
import com.cpsync.console.domain.reconciliation.DifferenceKind;
import com.cpsync.console.domain.reconciliation.QboRecord;
import com.cpsync.console.domain.reconciliation.Report;
import com.cpsync.console.domain.reconciliation.Resent;
import com.cpsync.console.domain.reconciliation.Resent.Via;
import com.cpsync.console.domain.reconciliation.ResyncRequest;

/**
 * Hands records to the normal sync path again (docs/reconciliation.md, "Resync"): a Centerpoint record by having
 * Centerpoint re-emit its event, a QBO record by announcing it on qbo.changes.v1. {@code kind} and {@code all}
 * act on the differences of a reconciliation run now. Audited as {@code RESYNC}.
 */
public record ResyncTenant(ReconcileTenant reconcile, CenterpointBooks centerpoint, QboChangeAnnouncer announcer,
        AuditLog audit, Clock clock) {

    static final String ACTION = "RESYNC";

    public Answer resync(String tenantId, ResyncRequest request, String actor) {
        ReconcileTenant.Run run = reconcile.runNow(tenantId, actor);
        Report report = run.report();
        if (report.status() != Report.Status.DONE) {
            record(actor, tenantId, request, "FAILED", report.failure());
            return new Answer(report.id(), report.status(), report.failure(), List.of());
        }
        String causation = "resync:" + report.id();
        List<Resent> resent = new ArrayList<>();
        for (Difference difference : chosen(report, request)) {
            resent.add(resend(tenantId, difference, run, causation));
        }
        record(actor, tenantId, request, "SENT", resent.stream().filter(r -> r.via() != Via.NOT_SENT).count()
                + " of " + resent.size() + " resent after reconciliation " + report.id());
        return new Answer(report.id(), report.status(), null, resent);
    }

    /** The differences the request names; one record that matches is resent all the same (its own choice). */
    private static List<Difference> chosen(Report report, ResyncRequest request) {
        if (request.oneEntity().isEmpty()) {
            return report.differences().stream().filter(request::covers).toList();
        }
        Optional<Difference> found = report.differences().stream()
                .filter(d -> d.entity() == request.entity() && request.centerpointId().equals(
                        d.centerpointId() != null ? d.centerpointId() : d.qboId()))
                .findFirst();
        return List.of(found.orElseGet(() -> new Difference(request.entity(), request.centerpointId(), null, null,
                "no difference found: resent on request")));
    }

    private Resent resend(String tenantId, Difference difference, ReconcileTenant.Run run, String causation) {
        if (difference.kind() != null && !difference.kind().resyncable()) {
            return resent(difference, Via.NOT_SENT, difference.kind() + " is not repaired by resync");
        }
        if (!difference.repairedFromQbo()) {
            boolean sent = centerpoint.reemit(tenantId, difference.entity(), difference.centerpointId(), causation);
            return sent ? resent(difference, Via.CENTERPOINT_EVENT, "Centerpoint re-emitted its latest event")
                    : resent(difference, Via.NOT_SENT, "Centerpoint has no event of this record");
        }
        String qboId = difference.qboId() != null ? difference.qboId() : qboIdOf(difference);
        Optional<QboRecord> entity = run.qboRecords().stream().filter(r -> r.id().equals(qboId)
                && r.type() == (difference.entity() == BooksEntity.PAYMENT ? QboRecord.QboType.Payment
                        : difference.entity() == BooksEntity.COMPANY ? QboRecord.QboType.Customer
                                : QboRecord.QboType.Invoice)).findFirst();
        if (entity.isEmpty() && difference.kind() != DifferenceKind.DELETED_IN_QBO) {
            return resent(difference, Via.NOT_SENT, "QBO has no such entity");
        }
        String changeId = announcer.announce(run.realmId(), entity.orElse(null), difference.entity(), qboId,
                causation);
        return resent(difference, Via.QBO_CHANGE, "announced as change " + changeId);
    }

    /** The QBO id inside a Centerpoint id of what came from QBO: a payment's is its own, a project invoice's follows ':'. */
    private static String qboIdOf(Difference difference) {
        String id = difference.centerpointId();
        return id.contains(":") ? id.substring(id.indexOf(':') + 1) : id;
    }

    private static Resent resent(Difference difference, Via via, String detail) {
        return new Resent(difference.entity(), difference.centerpointId(), difference.qboId(), difference.kind(), via,
                detail);
    }

    private void record(String actor, String tenantId, ResyncRequest request, String result, String detail) {
        String what = request.all() ? "all" : request.kind() != null ? "kind " + request.kind()
                : request.entity() + " " + request.centerpointId();
        audit.record(new AuditEntry(actor, clock.instant(), ACTION, what + " of " + tenantId, result, detail));
    }

    /** What the resync did: the reconciliation it acted on and each record's fate. */
    public record Answer(long reconciliationId, Report.Status status, String failure, List<Resent> resent) {
    }
}
