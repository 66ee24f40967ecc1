package com.cpsync.console.application.reconciliation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import com.cpsync.console.application.InMemoryResolutions;
import com.cpsync.console.domain.reconciliation.DifferenceKind;
import com.cpsync.console.domain.reconciliation.Report;

import static org.assertj.core.api.Assertions.assertThat;

class ReconcileTenantTest {

    private final FakeBooks books = new FakeBooks();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);
    private final ReconcileTenant reconcile = new ReconcileTenant(books, books, books, new InMemoryResolutions(),
            books, books, Runnable::run, clock);

    @Test
    void shouldStoreADoneReportWithTheSummaryAndTheReadsSpent() {
        books.company("co-1", "Acme").customer("1", "Acme", "co-1").company("co-2", "Builders");

        Report started = reconcile.start("acme", "ops");

        Report done = books.find("acme", started.id()).orElseThrow();
        assertThat(started.status()).isEqualTo(Report.Status.RUNNING);
        assertThat(done.status()).isEqualTo(Report.Status.DONE);
        assertThat(done.summary()).isEqualTo(new Report.Summary(2, 1, 0, 1, 3));
        assertThat(done.differences()).singleElement().satisfies(d -> {
            assertThat(d.centerpointId()).isEqualTo("co-2");
            assertThat(d.kind()).isEqualTo(DifferenceKind.MISSING_IN_QBO);
        });
    }

    @Test
    void shouldLinkQboRecordsFoundOnlyFromQbosSide() {
        books.customer("7", "Imported Ltd", null);
        books.links.put("COMPANY|co-7", "7");

        Report done = reconcile.runNow("acme", "ops").report();

        // the reverse lookup found the link: the customer is someone's, not a new QBO customer
        assertThat(done.differences()).isEmpty();
        assertThat(done.summary().checked()).isZero();
    }

    @Test
    void shouldStoreAFailedReportWithTheReasonWhenQboCannotBeRead() {
        books.qboFailure = new IllegalStateException("tenant acme is not connected");

        Report failed = reconcile.runNow("acme", "ops").report();

        assertThat(failed.status()).isEqualTo(Report.Status.FAILED);
        assertThat(failed.failure()).isEqualTo("tenant acme is not connected");
        assertThat(books.find("acme", failed.id())).contains(failed);
    }
}
