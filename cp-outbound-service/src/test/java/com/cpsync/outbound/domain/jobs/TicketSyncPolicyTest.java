package com.cpsync.outbound.domain.jobs;

import static com.cpsync.outbound.domain.jobs.JobFixtures.ticketSettings;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.cpsync.outbound.domain.settings.OutboundSettings.TicketCreation;

class TicketSyncPolicyTest {

    @ParameterizedTest(name = "{0} + {1}, synced={2}, sendChanges={3} -> {4}")
    @CsvSource({
            // never synced: the create setting decides, whatever the changes flag
            "NO,                TICKET_CREATED,             false, false, SKIP",
            "NO,                TICKET_CREATED,             false, true,  SKIP",
            "NO,                TICKET_UPDATED,             false, false, SKIP",
            "NO,                TICKET_UPDATED,             false, true,  SKIP",
            "NO,                INVOICE_CREATED_FOR_TICKET, false, false, SKIP",
            "NO,                INVOICE_CREATED_FOR_TICKET, false, true,  SKIP",
            "NO,                INVOICE_SENT_FOR_TICKET,    false, false, SKIP",
            "NO,                INVOICE_SENT_FOR_TICKET,    false, true,  SKIP",
            "WHEN_INVOICED,     TICKET_CREATED,             false, false, SKIP",
            "WHEN_INVOICED,     TICKET_CREATED,             false, true,  SKIP",
            "WHEN_INVOICED,     TICKET_UPDATED,             false, false, SKIP",
            "WHEN_INVOICED,     TICKET_UPDATED,             false, true,  SKIP",
            "WHEN_INVOICED,     INVOICE_CREATED_FOR_TICKET, false, false, CREATE",
            "WHEN_INVOICED,     INVOICE_CREATED_FOR_TICKET, false, true,  CREATE",
            "WHEN_INVOICED,     INVOICE_SENT_FOR_TICKET,    false, false, CREATE",
            "WHEN_INVOICED,     INVOICE_SENT_FOR_TICKET,    false, true,  CREATE",
            "WHEN_INVOICE_SENT, TICKET_CREATED,             false, false, SKIP",
            "WHEN_INVOICE_SENT, TICKET_CREATED,             false, true,  SKIP",
            "WHEN_INVOICE_SENT, TICKET_UPDATED,             false, false, SKIP",
            "WHEN_INVOICE_SENT, TICKET_UPDATED,             false, true,  SKIP",
            "WHEN_INVOICE_SENT, INVOICE_CREATED_FOR_TICKET, false, false, SKIP",
            "WHEN_INVOICE_SENT, INVOICE_CREATED_FOR_TICKET, false, true,  SKIP",
            "WHEN_INVOICE_SENT, INVOICE_SENT_FOR_TICKET,    false, false, CREATE",
            "WHEN_INVOICE_SENT, INVOICE_SENT_FOR_TICKET,    false, true,  CREATE",
            // already synced: ticket updates follow the changes flag, the rest is a no-op
            "NO,                TICKET_CREATED,             true,  false, ALREADY_SYNCED",
            "NO,                TICKET_CREATED,             true,  true,  ALREADY_SYNCED",
            "NO,                TICKET_UPDATED,             true,  false, SKIP",
            "NO,                TICKET_UPDATED,             true,  true,  UPDATE",
            "NO,                INVOICE_CREATED_FOR_TICKET, true,  false, ALREADY_SYNCED",
            "NO,                INVOICE_CREATED_FOR_TICKET, true,  true,  ALREADY_SYNCED",
            "NO,                INVOICE_SENT_FOR_TICKET,    true,  false, ALREADY_SYNCED",
            "NO,                INVOICE_SENT_FOR_TICKET,    true,  true,  ALREADY_SYNCED",
            "WHEN_INVOICED,     TICKET_CREATED,             true,  false, ALREADY_SYNCED",
            "WHEN_INVOICED,     TICKET_CREATED,             true,  true,  ALREADY_SYNCED",
            "WHEN_INVOICED,     TICKET_UPDATED,             true,  false, SKIP",
            "WHEN_INVOICED,     TICKET_UPDATED,             true,  true,  UPDATE",
            "WHEN_INVOICED,     INVOICE_CREATED_FOR_TICKET, true,  false, ALREADY_SYNCED",
            "WHEN_INVOICED,     INVOICE_CREATED_FOR_TICKET, true,  true,  ALREADY_SYNCED",
            "WHEN_INVOICED,     INVOICE_SENT_FOR_TICKET,    true,  false, ALREADY_SYNCED",
            "WHEN_INVOICED,     INVOICE_SENT_FOR_TICKET,    true,  true,  ALREADY_SYNCED",
            "WHEN_INVOICE_SENT, TICKET_CREATED,             true,  false, ALREADY_SYNCED",
            "WHEN_INVOICE_SENT, TICKET_CREATED,             true,  true,  ALREADY_SYNCED",
            "WHEN_INVOICE_SENT, TICKET_UPDATED,             true,  false, SKIP",
            "WHEN_INVOICE_SENT, TICKET_UPDATED,             true,  true,  UPDATE",
            "WHEN_INVOICE_SENT, INVOICE_CREATED_FOR_TICKET, true,  false, ALREADY_SYNCED",
            "WHEN_INVOICE_SENT, INVOICE_CREATED_FOR_TICKET, true,  true,  ALREADY_SYNCED",
            "WHEN_INVOICE_SENT, INVOICE_SENT_FOR_TICKET,    true,  false, ALREADY_SYNCED",
            "WHEN_INVOICE_SENT, INVOICE_SENT_FOR_TICKET,    true,  true,  ALREADY_SYNCED",
    })
    void shouldDecideEveryCombinationOfSettingTriggerAndSyncState(TicketCreation creation, TicketTrigger trigger,
            boolean synced, boolean sendChanges, String expected) {
        JobDecision decision = TicketSyncPolicy.decide(ticketSettings(creation, sendChanges), trigger, synced);

        assertThat(DecisionKinds.of(decision)).isEqualTo(expected);
    }

    @Test
    void shouldCreateTheTicketJobUnderTheCompanyCustomerWhenItsInvoiceIsSent() {
        JobDecision decision = TicketSyncPolicy.decide(ticketSettings(TicketCreation.WHEN_INVOICE_SENT, false),
                TicketTrigger.INVOICE_SENT_FOR_TICKET, false);

        assertThat(decision).isEqualTo(new JobDecision.Create(List.of(RequiredParent.COMPANY_CUSTOMER)));
    }

    @Test
    void shouldExplainWhySkipped() {
        assertThat(TicketSyncPolicy.decide(ticketSettings(TicketCreation.WHEN_INVOICE_SENT, true),
                TicketTrigger.INVOICE_CREATED_FOR_TICKET, false))
                .isEqualTo(new JobDecision.Skip(
                        "service ticket's invoice is not sent yet (serviceTicketsToQbo is WHEN_INVOICE_SENT)"));
        assertThat(TicketSyncPolicy.decide(ticketSettings(TicketCreation.WHEN_INVOICED, false),
                TicketTrigger.TICKET_UPDATED, true))
                .isEqualTo(new JobDecision.Skip("service ticket changes are not sent (sendServiceTicketChanges is off)"));
    }
}
