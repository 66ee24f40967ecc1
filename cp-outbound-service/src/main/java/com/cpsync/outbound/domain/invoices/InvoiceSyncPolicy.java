package com.cpsync.outbound.domain.invoices;

import java.util.List;

import com.cpsync.outbound.domain.jobs.JobDecision;
import com.cpsync.outbound.domain.jobs.RequiredParent;
import com.cpsync.outbound.domain.settings.OutboundSettings;
import com.cpsync.outbound.domain.settings.OutboundSettings.InvoiceCreation;

/**
 * Decides whether a service invoice event creates, updates or skips the QBO invoice, and which
 * customer it bills. The caller first decides the ticket for the same event
 * ({@code TicketSyncPolicy.decide(settings, trigger.ticketTrigger(), ticketSynced)}).
 */
public final class InvoiceSyncPolicy {

    private InvoiceSyncPolicy() {
    }

    /**
     * @param ticketLinkPresent the invoice's ticket is already linked to a QBO job
     * @param ticketDecision    the ticket's decision for this same event; null when the invoice names no ticket
     */
    public static InvoiceDecision decide(OutboundSettings settings, InvoiceTrigger trigger, boolean invoiceSynced,
            boolean ticketLinkPresent, JobDecision ticketDecision) {
        if (invoiceSynced) {
            return decideForSynced(settings, trigger);
        }
        InvoiceCreation creation = settings.serviceInvoicesToQbo();
        if (creation == InvoiceCreation.NEVER) {
            return new InvoiceDecision.Skip("service invoices are not sent to QBO (serviceInvoicesToQbo is NEVER)");
        }
        if (creation == InvoiceCreation.WHEN_SENT && trigger != InvoiceTrigger.INVOICE_SENT) {
            return new InvoiceDecision.Skip("service invoice is not sent yet (serviceInvoicesToQbo is WHEN_SENT)");
        }
        BillTo billTo = billTo(ticketLinkPresent, ticketDecision);
        return new InvoiceDecision.Create(billTo, billTo == BillTo.TICKET_JOB
                ? List.of(RequiredParent.COMPANY_CUSTOMER, RequiredParent.TICKET_JOB)
                : List.of(RequiredParent.COMPANY_CUSTOMER));
    }

    /**
     * The ticket's job when it is in QBO already or this event creates it (per the ticket setting),
     * else the company's customer.
     */
    public static BillTo billTo(boolean ticketLinkPresent, JobDecision ticketDecision) {
        if (ticketLinkPresent || ticketDecision instanceof JobDecision.Create
                || ticketDecision instanceof JobDecision.AlreadySynced
                || ticketDecision instanceof JobDecision.Update) {
            return BillTo.TICKET_JOB;
        }
        return BillTo.COMPANY_CUSTOMER;
    }

    private static InvoiceDecision decideForSynced(OutboundSettings settings, InvoiceTrigger trigger) {
        if (trigger != InvoiceTrigger.INVOICE_UPDATED) {
            return new InvoiceDecision.AlreadySynced("service invoice is already in QBO");
        }
        return settings.sendServiceInvoiceChanges()
                ? new InvoiceDecision.Update()
                : new InvoiceDecision.Skip("service invoice changes are not sent (sendServiceInvoiceChanges is off)");
    }
}
