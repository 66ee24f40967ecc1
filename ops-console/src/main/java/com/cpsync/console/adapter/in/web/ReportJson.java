package com.cpsync.console.adapter.in.web;

import java.time.Instant;
import java.util.List;

import com.cpsync.console.application.reconciliation.ResyncTenant;
import com.cpsync.console.domain.reconciliation.Difference;
import com.cpsync.console.domain.reconciliation.MonthFigures;
import com.cpsync.console.domain.reconciliation.Report;
import com.cpsync.console.domain.reconciliation.Resent;

/** A reconciliation as the pinned API shows it: {@code {"status","summary","months","differences"}}. */
public record ReportJson(long id, String tenantId, String status, String startedAt, String finishedAt,
        Report.Summary summary, List<Month> months, List<DifferenceJson> differences, String failure) {

    static ReportJson of(Report report) {
        return new ReportJson(report.id(), report.tenantId(), report.status().name(), text(report.startedAt()),
                text(report.finishedAt()), report.summary(), report.months().stream().map(Month::of).toList(),
                report.differences().stream().map(DifferenceJson::of).toList(), report.failure());
    }

    /** Money as decimal strings, as everywhere in the project. */
    public record Month(String month, Side centerpoint, Side qbo) {

        static Month of(MonthFigures figures) {
            return new Month(figures.month(), Side.of(figures.centerpoint()), Side.of(figures.qbo()));
        }
    }

    public record Side(int invoices, String invoiceTotal, int payments, String paymentTotal) {

        static Side of(MonthFigures.Side side) {
            return new Side(side.invoices(), side.invoiceTotal().toPlainString(), side.payments(),
                    side.paymentTotal().toPlainString());
        }
    }

    public record DifferenceJson(String entity, String centerpointId, String qboId, String kind, String reason) {

        static DifferenceJson of(Difference difference) {
            return new DifferenceJson(difference.entity().name(), difference.centerpointId(), difference.qboId(),
                    difference.kind() == null ? null : difference.kind().name(), difference.reason());
        }
    }

    /** What a resync did: the reconciliation it acted on, and each record resent or why not. */
    public record ResyncJson(long reconciliationId, String status, String failure, List<ResentJson> resent) {

        static ResyncJson of(ResyncTenant.Answer answer) {
            return new ResyncJson(answer.reconciliationId(), answer.status().name(), answer.failure(),
                    answer.resent().stream().map(ResentJson::of).toList());
        }
    }

    public record ResentJson(String entity, String centerpointId, String qboId, String kind, String via,
            String detail) {

        static ResentJson of(Resent resent) {
            return new ResentJson(resent.entity().name(), resent.centerpointId(), resent.qboId(),
                    resent.kind() == null ? null : resent.kind().name(), resent.via().name(), resent.detail());
        }
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
