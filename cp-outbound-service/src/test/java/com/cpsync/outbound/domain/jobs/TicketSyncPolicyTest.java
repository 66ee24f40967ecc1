package com.cpsync.outbound.domain.jobs;

import static com.cpsync.outbound.domain.jobs.JobFixtures.ticketSettings;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.cpsync.outbound.domain.SyncPolicyTable;
import com.cpsync.outbound.domain.settings.OutboundSettings.TicketCreation;

class TicketSyncPolicyTest {

    @TestFactory
    Stream<DynamicTest> shouldDecideEveryCombinationOfSettingTriggerAndSyncState() {
        return SyncPolicyTable.of(TicketCreation.NO, TicketTrigger.TICKET_UPDATED)
                .creatingOn(TicketCreation.WHEN_INVOICED, TicketTrigger.INVOICE_CREATED_FOR_TICKET,
                        TicketTrigger.INVOICE_SENT_FOR_TICKET)
                .creatingOn(TicketCreation.WHEN_INVOICE_SENT, TicketTrigger.INVOICE_SENT_FOR_TICKET)
                .check((creation, trigger, synced, sendChanges) -> DecisionKinds.of(
                        TicketSyncPolicy.decide(ticketSettings(creation, sendChanges), trigger, synced)));
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
