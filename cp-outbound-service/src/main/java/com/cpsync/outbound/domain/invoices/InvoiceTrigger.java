package com.cpsync.outbound.domain.invoices;

import com.cpsync.outbound.domain.events.EventPayload.InvoiceChanged;
import com.cpsync.outbound.domain.jobs.TicketTrigger;

/** The Centerpoint service invoice events. */
public enum InvoiceTrigger {
    INVOICE_CREATED, INVOICE_UPDATED, INVOICE_SENT;

    public static InvoiceTrigger of(InvoiceChanged.Kind kind) {
        return kind == InvoiceChanged.Kind.CREATED ? INVOICE_CREATED
                : kind == InvoiceChanged.Kind.SENT ? INVOICE_SENT : INVOICE_UPDATED;
    }

    /**
     * What this invoice event means for the invoice's ticket. An updated invoice proves the ticket
     * is invoiced, so it counts as "invoice created" (a missed ServiceInvoiceCreated still syncs it).
     */
    public TicketTrigger ticketTrigger() {
        return this == INVOICE_SENT ? TicketTrigger.INVOICE_SENT_FOR_TICKET : TicketTrigger.INVOICE_CREATED_FOR_TICKET;
    }
}
