package com.cpsync.standin.adapter.in.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.cpsync.schemas.avro.CenterpointEvent;
import com.cpsync.schemas.avro.InvoiceLine;
import com.cpsync.schemas.avro.ServiceInvoice;
import com.cpsync.schemas.avro.ServiceInvoiceCreated;
import com.cpsync.schemas.avro.ServiceInvoiceSent;
import com.cpsync.schemas.avro.ServiceInvoiceUpdated;

import static org.assertj.core.api.Assertions.assertThat;

class PublishedBooksTest {

    private static final Instant T0 = Instant.parse("2026-11-03T09:00:00Z");

    private static ServiceInvoice invoice(String total) {
        return ServiceInvoice.newBuilder().setId("si-1").setCompanyId("co-1").setTicketId("tk-1").setNumber("SI-1001")
                .setIssueDate(LocalDate.parse("2026-11-03")).setTotal(total)
                .setLines(List.of(InvoiceLine.newBuilder().setDescription("Labour").setQuantity("1")
                        .setUnitPrice(total).setAmount(total).build())).build();
    }

    private static CenterpointEvent event(String id, Object payload, Instant at) {
        return CenterpointEvent.newBuilder().setEventId(id).setTenantId("acme").setOccurredAt(at).setPayload(payload)
                .build();
    }

    @Test
    void shouldKeepTheLatestStateAndRememberThatTheInvoiceWasSent() {
        PublishedBooks books = new PublishedBooks();
        books.record(event("e1", new ServiceInvoiceCreated(invoice("380.00")), T0));
        books.record(event("e2", new ServiceInvoiceSent(invoice("380.00")), T0.plusSeconds(60)));
        books.record(event("e3", new ServiceInvoiceUpdated(invoice("400.00")), T0.plusSeconds(120)));

        List<Map<String, Object>> records = books.recordsOf("acme");

        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record).containsEntry("entity", "SERVICE_INVOICE").containsEntry("id", "si-1")
                    .containsEntry("total", "400.00").containsEntry("sent", true).containsEntry("ownerId", "tk-1")
                    .containsEntry("companyId", "co-1").containsEntry("date", "2026-11-03")
                    .containsEntry("changedAt", T0.plusSeconds(120).toString());
        });
        assertThat(books.recordsOf("other")).isEmpty();
    }

    @Test
    void shouldReemitTheLatestEventUnderANewIdWithTheCausation() {
        PublishedBooks books = new PublishedBooks();
        books.record(event("e1", new ServiceInvoiceCreated(invoice("380.00")), T0));

        CenterpointEvent again = books.reemit("acme", "SERVICE_INVOICE", "si-1", "resync:7").orElseThrow();

        assertThat(again.getEventId()).isNotEqualTo("e1");
        assertThat(again.getCausationId()).isEqualTo("resync:7");
        assertThat(again.getPayload()).isEqualTo(new ServiceInvoiceCreated(invoice("380.00")));
        assertThat(books.reemit("acme", "SERVICE_INVOICE", "si-9", "resync:7")).isEmpty();
        assertThat(books.reemit("acme", "COMPANY", "si-1", "resync:7")).isEmpty();
    }
}
