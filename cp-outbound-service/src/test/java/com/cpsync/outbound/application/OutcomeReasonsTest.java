package com.cpsync.outbound.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

import com.cpsync.outbound.application.port.EntityKind;
import com.cpsync.outbound.application.port.SyncOutcomeRecord;
import com.cpsync.outbound.application.port.SyncOutcomeRecord.Result;
import com.cpsync.outbound.domain.centerpoint.Company;
import com.cpsync.outbound.domain.centerpoint.InvoiceLine;
import com.cpsync.outbound.domain.centerpoint.Project;
import com.cpsync.outbound.domain.centerpoint.ServiceInvoice;
import com.cpsync.outbound.domain.events.EventPayload;
import com.cpsync.outbound.domain.events.EventPayload.CompanyChanged;
import com.cpsync.outbound.domain.events.EventPayload.InvoiceChanged;
import com.cpsync.outbound.domain.events.EventPayload.ProjectChanged;
import com.cpsync.outbound.domain.events.OutboundEvent;
import com.cpsync.outbound.domain.settings.OutboundSettings;
import com.cpsync.outbound.domain.settings.OutboundSettings.CompanyCreation;
import com.cpsync.outbound.domain.settings.OutboundSettings.InvoiceCreation;
import com.cpsync.outbound.domain.settings.OutboundSettings.InvoiceLineMode;
import com.cpsync.outbound.domain.settings.OutboundSettings.NameConflictPolicy;
import com.cpsync.outbound.domain.settings.OutboundSettings.ProjectCreation;
import com.cpsync.outbound.domain.settings.OutboundSettings.TicketCreation;

import static org.assertj.core.api.Assertions.assertThat;

/** Nothing differs silently (issue 8): a SYNCED outcome names what the translation changed. */
class OutcomeReasonsTest {

    private final OutboundFakes fakes = new OutboundFakes();
    private final OutboundSettings settings = new OutboundSettings(CompanyCreation.WHEN_CREATED,
            ProjectCreation.WHEN_CREATED, false, TicketCreation.NO, false, InvoiceCreation.WHEN_CREATED, false,
            InvoiceLineMode.MULTI_LINE, "1", NameConflictPolicy.SUFFIX, " (customer)");
    private final HandleCenterpointEvent handler = fakes.handler(tenant -> settings, (t, id) -> Optional.empty());

    @Test
    void shouldNameTheRoundingAndTheShortenedDocNumberOfASyncedInvoice() {
        SyncOutcomeRecord outcome = outcomeOfCreated(invoice("CP-2026-SERVICE-INVOICE-000123", "10.005",
                line("parts", "1", "10.005", "10.005")));

        assertThat(outcome.result()).isEqualTo(Result.SYNCED);
        assertThat(outcome.reason()).contains("line 1 amount 10.005 rounded to 10.01",
                "invoice number CP-2026-SERVICE-INVOICE-000123 (30 characters) sent as DocNumber");
    }

    @Test
    void shouldFailAnInvoiceWhoseLinesDoNotAddUpWithBothFiguresAndWriteNothing() {
        SyncOutcomeRecord outcome = outcomeOfCreated(invoice("INV-1", "500.00",
                line("site work", "4", "95.00", "380.00")));

        assertThat(outcome.result()).isEqualTo(Result.FAILED);
        assertThat(outcome.reason()).contains("380.00", "500.00");
        assertThat(fakes.qbo.all("Invoice")).isEmpty();
    }

    @Test
    void shouldNameASuffixedOrCutCustomerName() {
        fakes.qbo.add("Vendor", JsonNodeFactory.instance.objectNode().put("DisplayName", "Acme"));
        company("Acme");
        handle(new CompanyChanged(CompanyChanged.Kind.CREATED, new Company("c2", "z".repeat(520), null, null, null)));

        assertThat(fakes.outcomes).extracting(SyncOutcomeRecord::reason).containsExactly(
                "the name 'Acme' is taken in QBO; sent as 'Acme (customer)'",
                "name of 520 characters cut to its first 500 (QBO allows 500)");
    }

    @Test
    void shouldNameAReplacedSeparatorInAJobName() {
        company("Acme");

        handle(new ProjectChanged(ProjectChanged.Kind.CREATED, new Project("p1", "c1", "Phase 2: roof", null)));

        assertThat(outcomeOf(EntityKind.PROJECT).reason())
                .isEqualTo("':' in the name sent as '-' (QBO keeps ':' for sub-customers)");
    }

    private void company(String name) {
        handle(new CompanyChanged(CompanyChanged.Kind.CREATED, new Company("c1", name, null, null, null)));
    }

    private void handle(EventPayload payload) {
        handler.handle(new OutboundEvent("e" + fakes.outcomes.size(), "t1", Instant.now(), null, payload));
    }

    /** The outcome of the invoice created for company "Acme", which the event before it created. */
    private SyncOutcomeRecord outcomeOfCreated(ServiceInvoice invoice) {
        company("Acme");
        handle(new InvoiceChanged(InvoiceChanged.Kind.CREATED, invoice));
        return outcomeOf(EntityKind.SERVICE_INVOICE);
    }

    private SyncOutcomeRecord outcomeOf(EntityKind kind) {
        List<SyncOutcomeRecord> of = fakes.outcomes.stream().filter(o -> o.entity() == kind).toList();
        assertThat(of).hasSize(1);
        return of.get(0);
    }

    private static ServiceInvoice invoice(String number, String total, InvoiceLine... lines) {
        return new ServiceInvoice("i1", "c1", null, number, LocalDate.of(2026, 11, 20), null, List.of(lines),
                new BigDecimal(total));
    }

    private static InvoiceLine line(String description, String qty, String price, String amount) {
        return new InvoiceLine(description, new BigDecimal(qty), new BigDecimal(price), new BigDecimal(amount));
    }
}
