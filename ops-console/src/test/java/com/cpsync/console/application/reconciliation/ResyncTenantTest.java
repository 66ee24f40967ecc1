package com.cpsync.console.application.reconciliation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import com.cpsync.console.application.InMemoryAudit;
import com.cpsync.console.application.InMemoryResolutions;
import com.cpsync.console.domain.reconciliation.BooksSettings;
import com.cpsync.console.domain.reconciliation.Resent.Via;
import com.cpsync.console.domain.reconciliation.ResyncRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ResyncTenantTest {

    private final FakeBooks books = new FakeBooks();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);
    private final ReconcileTenant reconcile = new ReconcileTenant(books, books, books, new InMemoryResolutions(),
            books, books, Runnable::run, clock);
    private final InMemoryAudit audit = new InMemoryAudit();
    private final ResyncTenant resync = new ResyncTenant(reconcile, books, books, audit, clock);

    @Test
    void shouldHaveCenterpointReemitEveryCompanyMissingInQbo() {
        books.company("co-1", "Acme").company("co-2", "Builders").customer("9", "Builders", "co-2");

        ResyncTenant.Answer answer = resync.resync("acme", ResyncRequest.parse(null, null, null, true), "ops");

        assertThat(books.reemitted).containsExactly("COMPANY co-1");
        assertThat(answer.resent()).extracting(r -> r.via()).containsExactly(Via.CENTERPOINT_EVENT);
        assertThat(audit.latest(10)).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("RESYNC");
            assertThat(entry.target()).isEqualTo("all of acme");
            assertThat(entry.detail()).startsWith("1 of 1 resent");
        });
    }

    @Test
    void shouldAnnounceAPaymentCenterpointLacksWithItsQboJson() {
        books.company("co-1", "Acme").customer("1", "Acme", "co-1").qboInvoice("130", "1", "380.00", "si-1")
                .qboPayment("200", "380.00", "130");

        ResyncTenant.Answer answer = resync.resync("acme",
                ResyncRequest.parse(null, null, "MISSING_IN_CENTERPOINT", null), "ops");

        assertThat(books.announced).containsExactly("r-1 PAYMENT 200 {\"Id\":\"200\"}");
        assertThat(answer.resent()).singleElement().satisfies(r -> assertThat(r.via()).isEqualTo(Via.QBO_CHANGE));
        assertThat(books.reemitted).isEmpty();
    }

    @Test
    void shouldAnnounceAQboCustomerCenterpointHasNoCompanyOf() {
        books.settings = new BooksSettings("NEVER", "NO", false, "NO", false, "NEVER", false, true, false, false,
                false, false, false, false, " (customer)");
        books.customer("7", "Walk-in Ltd", null);

        ResyncTenant.Answer answer = resync.resync("acme", ResyncRequest.parse(null, null, null, true), "ops");

        assertThat(books.announced).containsExactly("r-1 COMPANY 7 {}");
        assertThat(answer.resent()).extracting(r -> r.via()).containsExactly(Via.QBO_CHANGE);
    }

    @Test
    void shouldResendOneRecordOnRequestEvenWithoutADifference() {
        books.company("co-1", "Acme").customer("1", "Acme", "co-1");

        ResyncTenant.Answer answer = resync.resync("acme", ResyncRequest.parse("COMPANY", "co-1", null, null), "ops");
        ResyncTenant.Answer unknown = resync.resync("acme", ResyncRequest.parse("COMPANY", "co-9", null, null), "ops");

        assertThat(books.reemitted).containsExactly("COMPANY co-1");
        assertThat(answer.resent()).extracting(r -> r.via()).containsExactly(Via.CENTERPOINT_EVENT);
        assertThat(unknown.resent()).extracting(r -> r.via()).containsExactly(Via.NOT_SENT);
    }

    @Test
    void shouldSendNothingWhenTheReconciliationFails() {
        books.company("co-1", "Acme");
        books.qboFailure = new IllegalStateException("not connected");

        ResyncTenant.Answer answer = resync.resync("acme", ResyncRequest.parse(null, null, null, true), "ops");

        assertThat(answer.failure()).isEqualTo("not connected");
        assertThat(books.reemitted).isEmpty();
        assertThat(audit.latest(10)).extracting(e -> e.result()).containsExactly("FAILED");
    }
}
