package com.cpsync.outbound.domain.jobs;

/**
 * The Centerpoint events that can move a service ticket to QBO. A ticket is "invoiced" when a
 * ServiceInvoiceCreated names it and "invoice sent" on ServiceInvoiceSent (DESIGN.md §3).
 */
public enum TicketTrigger { TICKET_CREATED, TICKET_UPDATED, INVOICE_CREATED_FOR_TICKET, INVOICE_SENT_FOR_TICKET }
