package com.cpsync.outbound.domain.settings;

/**
 * The tenant's outbound sync settings (DESIGN.md §4), free of Avro. A tenant with no settings
 * record gets {@link #none()}: nothing syncs.
 */
public record OutboundSettings(
        CompanyCreation companiesToQbo,
        ProjectCreation projectsToQbo,
        boolean sendProjectChanges,
        TicketCreation serviceTicketsToQbo,
        boolean sendServiceTicketChanges,
        InvoiceCreation serviceInvoicesToQbo,
        boolean sendServiceInvoiceChanges,
        InvoiceLineMode invoiceLineMode,
        String invoiceItemId,
        NameConflictPolicy nameConflictPolicy,
        String nameConflictSuffix) {

    public static final String DEFAULT_ITEM_ID = "1";
    public static final String DEFAULT_SUFFIX = " (customer)";

    public static OutboundSettings none() {
        return new OutboundSettings(CompanyCreation.NEVER, ProjectCreation.NO, false, TicketCreation.NO, false,
                InvoiceCreation.NEVER, false, InvoiceLineMode.SINGLE_LINE, DEFAULT_ITEM_ID,
                NameConflictPolicy.HOLD, DEFAULT_SUFFIX);
    }

    public enum CompanyCreation { NEVER, WHEN_CREATED, WHEN_FIRST_PROJECT_OR_TICKET_SENT }

    public enum ProjectCreation { NO, WHEN_CREATED, WHEN_INVOICED }

    public enum TicketCreation { NO, WHEN_INVOICE_SENT, WHEN_INVOICED }

    public enum InvoiceCreation { NEVER, WHEN_CREATED, WHEN_SENT }

    public enum InvoiceLineMode { SINGLE_LINE, MULTI_LINE }

    public enum NameConflictPolicy { SUFFIX, HOLD }
}
