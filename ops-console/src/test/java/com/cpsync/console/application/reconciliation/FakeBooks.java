package com.cpsync.console.application.reconciliation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.cpsync.console.application.port.CenterpointBooks;
import com.cpsync.console.application.port.LinkSource;
import com.cpsync.console.application.port.QboBooks;
import com.cpsync.console.application.port.QboChangeAnnouncer;
import com.cpsync.console.application.port.ReconciliationStore;
import com.cpsync.console.application.port.SyncLag;
import com.cpsync.console.domain.reconciliation.BooksEntity;
import com.cpsync.console.domain.reconciliation.BooksSettings;
import com.cpsync.console.domain.reconciliation.CenterpointRecord;
import com.cpsync.console.domain.reconciliation.QboRecord;
import com.cpsync.console.domain.reconciliation.Report;

/** Fakes of every port reconciliation and resync use, in memory, recording what was asked of them. */
final class FakeBooks implements CenterpointBooks, QboBooks, LinkSource, SyncLag, ReconciliationStore,
        QboChangeAnnouncer {

    static final Instant OLD = Instant.parse("2026-11-01T09:00:00Z");

    BooksSettings settings = new BooksSettings("WHEN_CREATED", "NO", false, "NO", false, "WHEN_CREATED", true,
            false, false, false, false, true, false, false, " (customer)");
    final List<CenterpointRecord> centerpoint = new ArrayList<>();
    final List<QboRecord> qbo = new ArrayList<>();
    final Map<String, String> links = new HashMap<>();
    final List<String> reemitted = new ArrayList<>();
    final List<String> announced = new ArrayList<>();
    final Map<Long, Report> reports = new HashMap<>();
    RuntimeException qboFailure;

    FakeBooks company(String id, String name) {
        centerpoint.add(new CenterpointRecord(BooksEntity.COMPANY, id, name, null, null, null, null, null, false, null,
                null, false, OLD));
        return this;
    }

    FakeBooks customer(String id, String name, String centerpointId) {
        qbo.add(new QboRecord(QboRecord.QboType.Customer, id, name, null, null, null, null, true, false, null, OLD,
                "{}"));
        if (centerpointId != null) {
            links.put("COMPANY|" + centerpointId, id);
        }
        return this;
    }

    FakeBooks qboPayment(String id, String total, String invoiceId) {
        qbo.add(new QboRecord(QboRecord.QboType.Payment, id, null, null, null, LocalDate.parse("2026-11-02"),
                new BigDecimal(total), true, false, Set.of(invoiceId), OLD, "{\"Id\":\"" + id + "\"}"));
        return this;
    }

    FakeBooks qboInvoice(String id, String customerId, String total, String centerpointId) {
        qbo.add(new QboRecord(QboRecord.QboType.Invoice, id, null, customerId, null, LocalDate.parse("2026-11-02"),
                new BigDecimal(total), true, false, null, OLD, "{}"));
        links.put("SERVICE_INVOICE|" + centerpointId, id);
        centerpoint.add(new CenterpointRecord(BooksEntity.SERVICE_INVOICE, centerpointId, null, "co-1", null, null,
                LocalDate.parse("2026-11-02"), new BigDecimal(total), false, null, null, false, OLD));
        return this;
    }

    @Override
    public Books books(String tenantId) {
        return new Books(settings, centerpoint);
    }

    @Override
    public boolean reemit(String tenantId, BooksEntity entity, String centerpointId, String causationId) {
        boolean known = centerpoint.stream().anyMatch(r -> r.entity() == entity && r.id().equals(centerpointId));
        if (known) {
            reemitted.add(entity + " " + centerpointId);
        }
        return known;
    }

    @Override
    public Read read(String tenantId) {
        if (qboFailure != null) {
            throw qboFailure;
        }
        return new Read("r-1", qbo, 3);
    }

    @Override
    public Optional<String> qboIdOf(String tenantId, BooksEntity entity, String centerpointId) {
        return Optional.ofNullable(links.get(entity + "|" + centerpointId));
    }

    @Override
    public Optional<String> centerpointIdOf(String tenantId, BooksEntity entity, String qboId) {
        return links.entrySet().stream().filter(e -> e.getKey().startsWith(entity + "|") && e.getValue().equals(qboId))
                .map(e -> e.getKey().substring(e.getKey().indexOf('|') + 1)).findFirst();
    }

    @Override
    public Duration outbound() {
        return Duration.ZERO;
    }

    @Override
    public Duration inbound() {
        return Duration.ZERO;
    }

    @Override
    public Report start(String tenantId, String requestedBy, Instant at) {
        Report running = Report.running(reports.size() + 1, tenantId, at);
        reports.put(running.id(), running);
        return running;
    }

    @Override
    public void finish(Report report) {
        reports.put(report.id(), report);
    }

    @Override
    public Optional<Report> find(String tenantId, long id) {
        return Optional.ofNullable(reports.get(id)).filter(r -> r.tenantId().equals(tenantId));
    }

    @Override
    public Optional<Report> latest(String tenantId) {
        return reports.values().stream().filter(r -> r.tenantId().equals(tenantId))
                .max(Comparator.comparingLong(Report::id));
    }

    @Override
    public List<Report> latestPerTenant() {
        return List.copyOf(reports.values());
    }

    @Override
    public String announce(String realmId, QboRecord entity, BooksEntity kind, String qboId, String causationId) {
        announced.add(realmId + " " + kind + " " + qboId + (entity == null ? " deleted" : " " + entity.json()));
        return "change-" + announced.size();
    }
}
