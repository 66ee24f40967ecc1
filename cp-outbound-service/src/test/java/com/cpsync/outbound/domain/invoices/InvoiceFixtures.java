package com.cpsync.outbound.domain.invoices;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.cpsync.outbound.domain.centerpoint.InvoiceLine;
import com.cpsync.outbound.domain.centerpoint.ServiceInvoice;
import com.cpsync.outbound.domain.settings.OutboundSettings;
import com.cpsync.outbound.domain.settings.OutboundSettings.InvoiceCreation;
import com.cpsync.outbound.domain.settings.OutboundSettings.InvoiceLineMode;

final class InvoiceFixtures {

    private InvoiceFixtures() {
    }

    static OutboundSettings invoiceSettings(InvoiceCreation creation, boolean sendChanges) {
        return settings(creation, sendChanges, InvoiceLineMode.SINGLE_LINE, null);
    }

    static OutboundSettings lineSettings(InvoiceLineMode mode, String itemId) {
        return settings(InvoiceCreation.WHEN_CREATED, true, mode, itemId);
    }

    private static OutboundSettings settings(InvoiceCreation creation, boolean sendChanges, InvoiceLineMode mode,
            String itemId) {
        OutboundSettings none = OutboundSettings.none();
        return new OutboundSettings(none.companiesToQbo(), none.projectsToQbo(), none.sendProjectChanges(),
                none.serviceTicketsToQbo(), none.sendServiceTicketChanges(), creation, sendChanges, mode, itemId,
                none.nameConflictPolicy(), none.nameConflictSuffix());
    }

    static InvoiceLine line(String description, String qty, String unitPrice, String amount) {
        return new InvoiceLine(description, decimal(qty), decimal(unitPrice), decimal(amount));
    }

    static ServiceInvoice anInvoice(String total, InvoiceLine... lines) {
        return anInvoice(total, List.of(lines));
    }

    static ServiceInvoice anInvoice(String total, List<InvoiceLine> lines) {
        return new ServiceInvoice("i-1", "c-1", "t-1", "SI-1042", LocalDate.of(2026, 11, 20),
                LocalDate.of(2026, 12, 20), lines, decimal(total));
    }

    static ServiceInvoice withNumber(ServiceInvoice invoice, String number) {
        return new ServiceInvoice(invoice.id(), invoice.companyId(), invoice.ticketId(), number, invoice.issueDate(),
                invoice.dueDate(), invoice.lines(), invoice.total());
    }

    static ServiceInvoice withDueDate(ServiceInvoice invoice, LocalDate dueDate) {
        return new ServiceInvoice(invoice.id(), invoice.companyId(), invoice.ticketId(), invoice.number(),
                invoice.issueDate(), dueDate, invoice.lines(), invoice.total());
    }

    private static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }
}
