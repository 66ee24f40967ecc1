package com.cpsync.console.domain.reconciliation;

import java.util.List;

import org.junit.jupiter.api.Test;

import static com.cpsync.console.domain.reconciliation.BooksFixtures.books;
import static org.assertj.core.api.Assertions.assertThat;

class OutboundScopeTest {

    private static BooksSettings settings(String companies, String projects, String tickets, String invoices) {
        return new BooksSettings(companies, projects, false, tickets, false, invoices, false, false, false, false,
                false, false, false, false, " (customer)");
    }

    private static CenterpointRecord ticket(String id, String companyId) {
        return new CenterpointRecord(BooksEntity.SERVICE_TICKET, id, "Ticket T-1", companyId, null, null, null, null,
                false, null, null, false, BooksFixtures.CHANGED_AT);
    }

    private static CenterpointRecord sentInvoice(String id, String companyId, String ticketId, boolean sent) {
        return new CenterpointRecord(BooksEntity.SERVICE_INVOICE, id, null, companyId, ticketId, "SI-1", null, null,
                sent, null, null, false, BooksFixtures.CHANGED_AT);
    }

    @Test
    void shouldSendAnInvoiceWhenSentOnlyUnderWhenSent() {
        List<CenterpointRecord> records = List.of(sentInvoice("si-1", "co-1", "tk-1", false),
                sentInvoice("si-2", "co-1", "tk-1", true));

        OutboundScope scope = OutboundScope.of(settings("NEVER", "NO", "NO", "WHEN_SENT"), records);

        assertThat(scope.sends(records.get(0))).isFalse();
        assertThat(scope.sends(records.get(1))).isTrue();
    }

    @Test
    void shouldSendATicketWithItsInvoiceAndItsCompanyWithIt() {
        BooksFixtures books = books().company("co-1", "Acme").company("co-2", "Idle");
        CenterpointRecord ticket = ticket("tk-1", "co-1");
        List<CenterpointRecord> records = List.of(books.centerpoint.get(0), books.centerpoint.get(1), ticket,
                sentInvoice("si-1", "co-1", "tk-1", false));

        OutboundScope invoiced = OutboundScope.of(settings("WHEN_FIRST_PROJECT_OR_TICKET_SENT", "NO", "WHEN_INVOICED",
                "WHEN_CREATED"), records);
        OutboundScope whenSent = OutboundScope.of(settings("NEVER", "NO", "WHEN_INVOICE_SENT", "WHEN_CREATED"),
                records);

        assertThat(invoiced.sends(ticket)).isTrue();
        assertThat(invoiced.sends(records.get(0))).isTrue();
        assertThat(invoiced.sends(records.get(1))).isFalse();
        assertThat(whenSent.sends(ticket)).isFalse();
        assertThat(whenSent.whyNot(ticket)).contains("WHEN_INVOICE_SENT");
    }

    @Test
    void shouldSendEveryCompanyWhenCreated() {
        BooksFixtures books = books().company("co-1", "Acme");

        assertThat(OutboundScope.of(settings("WHEN_CREATED", "NO", "NO", "NEVER"), books.centerpoint)
                .sends(books.centerpoint.get(0))).isTrue();
        assertThat(OutboundScope.of(BooksSettings.NONE, books.centerpoint).sends(books.centerpoint.get(0))).isFalse();
    }
}
