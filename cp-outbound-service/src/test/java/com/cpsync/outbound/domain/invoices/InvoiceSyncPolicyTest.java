package com.cpsync.outbound.domain.invoices;

import static com.cpsync.outbound.domain.invoices.InvoiceFixtures.invoiceSettings;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import com.cpsync.outbound.domain.SyncPolicyTable;
import com.cpsync.outbound.domain.events.EventPayload.InvoiceChanged;
import com.cpsync.outbound.domain.jobs.JobDecision;
import com.cpsync.outbound.domain.jobs.RequiredParent;
import com.cpsync.outbound.domain.jobs.TicketTrigger;
import com.cpsync.outbound.domain.settings.OutboundSettings.InvoiceCreation;

class InvoiceSyncPolicyTest {

    private static final JobDecision TICKET_SKIPPED = new JobDecision.Skip("tickets off");
    private static final JobDecision TICKET_CREATED = new JobDecision.Create(List.of(RequiredParent.COMPANY_CUSTOMER));

    @TestFactory
    Stream<DynamicTest> shouldDecideEveryCombinationOfSettingTriggerAndSyncState() {
        return SyncPolicyTable.of(InvoiceCreation.NEVER, InvoiceTrigger.INVOICE_UPDATED)
                .creatingOn(InvoiceCreation.WHEN_CREATED, InvoiceTrigger.values())
                .creatingOn(InvoiceCreation.WHEN_SENT, InvoiceTrigger.INVOICE_SENT)
                .check((creation, trigger, synced, sendChanges) -> kind(InvoiceSyncPolicy.decide(
                        invoiceSettings(creation, sendChanges), trigger, synced, false, TICKET_SKIPPED)));
    }

    @ParameterizedTest(name = "ticket linked={0}, ticket decision={1} -> {2}")
    @CsvSource({
            "true,  NONE,           TICKET_JOB",
            "true,  SKIP,           TICKET_JOB",
            "true,  ALREADY_SYNCED, TICKET_JOB",
            "false, CREATE,         TICKET_JOB",
            "false, SKIP,           COMPANY_CUSTOMER",
            "false, NONE,           COMPANY_CUSTOMER",
    })
    void shouldBillTheTicketJobWhenTheTicketIsOrWillBeInQbo(boolean ticketLinked, String ticketDecision,
            BillTo expected) {
        JobDecision decision = switch (ticketDecision) {
            case "CREATE" -> TICKET_CREATED;
            case "SKIP" -> TICKET_SKIPPED;
            case "ALREADY_SYNCED" -> new JobDecision.AlreadySynced("in QBO");
            default -> null;
        };

        assertThat(InvoiceSyncPolicy.billTo(ticketLinked, decision)).isEqualTo(expected);
    }

    @Test
    void shouldBringTheCompanyAndThenTheTicketJobAlongWhenBillingTheTicket() {
        InvoiceDecision decision = InvoiceSyncPolicy.decide(invoiceSettings(InvoiceCreation.WHEN_CREATED, false),
                InvoiceTrigger.INVOICE_CREATED, false, false, TICKET_CREATED);

        assertThat(decision).isEqualTo(new InvoiceDecision.Create(BillTo.TICKET_JOB,
                List.of(RequiredParent.COMPANY_CUSTOMER, RequiredParent.TICKET_JOB)));
    }

    @Test
    void shouldBillTheCompanyWhenTicketsDoNotSync() {
        InvoiceDecision decision = InvoiceSyncPolicy.decide(invoiceSettings(InvoiceCreation.WHEN_SENT, false),
                InvoiceTrigger.INVOICE_SENT, false, false, TICKET_SKIPPED);

        assertThat(decision).isEqualTo(new InvoiceDecision.Create(BillTo.COMPANY_CUSTOMER,
                List.of(RequiredParent.COMPANY_CUSTOMER)));
    }

    @Test
    void shouldExplainWhySkipped() {
        assertThat(InvoiceSyncPolicy.decide(invoiceSettings(InvoiceCreation.WHEN_SENT, true),
                InvoiceTrigger.INVOICE_CREATED, false, false, null))
                .isEqualTo(new InvoiceDecision.Skip("service invoice is not sent yet (serviceInvoicesToQbo is WHEN_SENT)"));
        assertThat(InvoiceSyncPolicy.decide(invoiceSettings(InvoiceCreation.WHEN_CREATED, false),
                InvoiceTrigger.INVOICE_UPDATED, true, true, null))
                .isEqualTo(new InvoiceDecision.Skip(
                        "service invoice changes are not sent (sendServiceInvoiceChanges is off)"));
    }

    @Test
    void shouldTreatEveryInvoiceEventAsInvoicingItsTicket() {
        assertThat(InvoiceTrigger.INVOICE_CREATED.ticketTrigger()).isEqualTo(TicketTrigger.INVOICE_CREATED_FOR_TICKET);
        assertThat(InvoiceTrigger.INVOICE_UPDATED.ticketTrigger()).isEqualTo(TicketTrigger.INVOICE_CREATED_FOR_TICKET);
        assertThat(InvoiceTrigger.INVOICE_SENT.ticketTrigger()).isEqualTo(TicketTrigger.INVOICE_SENT_FOR_TICKET);
    }

    @ParameterizedTest
    @EnumSource(InvoiceChanged.Kind.class)
    void shouldTriggerOnTheEventOfTheSameName(InvoiceChanged.Kind kind) {
        assertThat(InvoiceTrigger.of(kind).name()).isEqualTo("INVOICE_" + kind.name());
    }

    private static String kind(InvoiceDecision decision) {
        if (decision instanceof InvoiceDecision.Create) {
            return "CREATE";
        }
        if (decision instanceof InvoiceDecision.Update) {
            return "UPDATE";
        }
        return decision instanceof InvoiceDecision.Skip ? "SKIP" : "ALREADY_SYNCED";
    }
}
