package com.cpsync.outbound.domain.jobs;

import java.util.List;

import com.cpsync.outbound.domain.settings.OutboundSettings;
import com.cpsync.outbound.domain.settings.OutboundSettings.TicketCreation;

/**
 * Decides whether an event creates, updates or skips a service ticket's QBO job. WHEN_INVOICED
 * creates on the first invoice event naming the ticket (created or, if that was missed, sent);
 * WHEN_INVOICE_SENT only on an invoice sent. Updates of a synced ticket follow "send ticket changes".
 */
public final class TicketSyncPolicy {

    private static final List<RequiredParent> PARENTS = List.of(RequiredParent.COMPANY_CUSTOMER);

    private TicketSyncPolicy() {
    }

    public static JobDecision decide(OutboundSettings settings, TicketTrigger trigger, boolean ticketSynced) {
        if (ticketSynced) {
            return JobDecision.forSynced(trigger == TicketTrigger.TICKET_UPDATED,
                    settings.sendServiceTicketChanges(), "service ticket", "sendServiceTicketChanges");
        }
        return decideCreate(settings.serviceTicketsToQbo(), trigger);
    }

    private static JobDecision decideCreate(TicketCreation creation, TicketTrigger trigger) {
        switch (creation) {
            case NO:
                return new JobDecision.Skip("service tickets are not sent to QBO (serviceTicketsToQbo is NO)");
            case WHEN_INVOICED:
                return trigger == TicketTrigger.INVOICE_CREATED_FOR_TICKET
                        || trigger == TicketTrigger.INVOICE_SENT_FOR_TICKET
                        ? new JobDecision.Create(PARENTS)
                        : new JobDecision.Skip("service ticket is not invoiced yet (serviceTicketsToQbo is WHEN_INVOICED)");
            case WHEN_INVOICE_SENT:
                return trigger == TicketTrigger.INVOICE_SENT_FOR_TICKET
                        ? new JobDecision.Create(PARENTS)
                        : new JobDecision.Skip(
                                "service ticket's invoice is not sent yet (serviceTicketsToQbo is WHEN_INVOICE_SENT)");
            default:
                throw new IllegalStateException("unknown ticket setting " + creation);
        }
    }
}
