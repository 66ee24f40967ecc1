package com.cpsync.console.application.reconciliation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cpsync.console.application.port.CenterpointBooks;
import com.cpsync.console.application.port.LinkSource;
import com.cpsync.console.application.port.OutcomeIndex;
import com.cpsync.console.application.port.QboBooks;
import com.cpsync.console.application.port.ReconciliationStore;
import com.cpsync.console.application.port.SyncLag;
import com.cpsync.console.domain.reconciliation.BooksEntity;
import com.cpsync.console.domain.reconciliation.BooksSnapshot;
import com.cpsync.console.domain.reconciliation.CenterpointRecord;
import com.cpsync.console.domain.reconciliation.Classifier;
import com.cpsync.console.domain.reconciliation.Link;
import com.cpsync.console.domain.reconciliation.QboRecord;
import com.cpsync.console.domain.reconciliation.Reconciled;
import com.cpsync.console.domain.reconciliation.Report;

/**
 * Reconciles one tenant: loads both sides, the links, the latest outcomes and the lag, classifies, stores the
 * report. {@link #start} answers at once with the RUNNING report and runs on the executor.
 */
public record ReconcileTenant(CenterpointBooks centerpoint, QboBooks qbo, LinkSource links, OutcomeIndex outcomes,
        SyncLag lag, ReconciliationStore store, Executor executor, Clock clock) {

    private static final Logger log = LoggerFactory.getLogger(ReconcileTenant.class);

    /** Stores the reconciliation as RUNNING and runs it in the background. */
    public Report start(String tenantId, String requestedBy) {
        Report running = store.start(tenantId, requestedBy, clock.instant());
        executor.execute(() -> complete(running));
        return running;
    }

    /** Runs a reconciliation now, in the caller's thread (resync acts on its differences and QBO records). */
    public Run runNow(String tenantId, String requestedBy) {
        return complete(store.start(tenantId, requestedBy, clock.instant()));
    }

    private Run complete(Report running) {
        Run run;
        try {
            run = reconcile(running);
        }
        catch (RuntimeException failure) {
            log.warn("Reconciliation {} of tenant {} failed: {}", running.id(), running.tenantId(), failure.toString());
            run = new Run(running.failed(failure.getMessage() == null ? failure.toString() : failure.getMessage(),
                    clock.instant()), null, List.of());
        }
        store.finish(run.report());
        return run;
    }

    private Run reconcile(Report running) {
        String tenantId = running.tenantId();
        CenterpointBooks.Books books = centerpoint.books(tenantId);
        QboBooks.Read read = qbo.read(tenantId);
        BooksSnapshot snapshot = new BooksSnapshot(books.settings(), books.records(), read.records(),
                linksOf(tenantId, books.records(), read.records()), outcomes.latestOutcomes(tenantId), lag.outbound(),
                lag.inbound(), clock.instant());
        Reconciled reconciled = Classifier.classify(snapshot);
        return new Run(running.done(reconciled, read.meteredReads(), clock.instant()), read.realmId(), read.records());
    }

    /**
     * The links the comparison needs: each outbound record's, and for QBO records not linked that way the reverse
     * lookups (a customer as a company or a project's job, an invoice as a service invoice).
     */
    private List<Link> linksOf(String tenantId, List<CenterpointRecord> records, List<QboRecord> qboRecords) {
        List<Link> found = new ArrayList<>();
        Set<String> linkedQbo = new LinkedHashSet<>();
        for (CenterpointRecord record : records) {
            if (record.entity().isOutbound()) {
                links.qboIdOf(tenantId, record.entity(), record.id()).ifPresent(qboId -> {
                    found.add(new Link(record.entity(), record.id(), qboId));
                    linkedQbo.add(record.entity() + "|" + qboId);
                });
            }
        }
        for (QboRecord record : qboRecords) {
            for (BooksEntity entity : reverseLookups(record)) {
                if (!linkedQbo.contains(entity + "|" + record.id())) {
                    links.centerpointIdOf(tenantId, entity, record.id())
                            .ifPresent(id -> found.add(new Link(entity, id, record.id())));
                }
            }
        }
        return found;
    }

    private static List<BooksEntity> reverseLookups(QboRecord record) {
        switch (record.type()) {
            case Customer:
                return record.parentId() == null ? List.of(BooksEntity.COMPANY)
                        : List.of(BooksEntity.PROJECT, BooksEntity.SERVICE_TICKET);
            case Invoice:
                return List.of(BooksEntity.SERVICE_INVOICE);
            default:
                return List.of();
        }
    }

    /** A finished reconciliation with what QBO returned (null realm and no records when it failed). */
    public record Run(Report report, String realmId, List<QboRecord> qboRecords) {
    }
}
