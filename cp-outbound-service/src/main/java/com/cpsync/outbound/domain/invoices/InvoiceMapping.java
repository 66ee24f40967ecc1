package com.cpsync.outbound.domain.invoices;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.cpsync.outbound.domain.centerpoint.ServiceInvoice;
import com.cpsync.outbound.domain.settings.OutboundSettings;

/** A service invoice as QBO Invoice fields, or why there are none. */
public sealed interface InvoiceMapping {

    /**
     * The fields to write; {@code total} is the sum of their lines (null when no lines are sent);
     * {@code adjustments} name every change the translation made (rounding, a Qty 1 × amount rewrite, a
     * cut description, a shortened DocNumber), for the outcome's reason.
     */
    record Mapped(InvoiceFields fields, BigDecimal total, List<String> adjustments) implements InvoiceMapping {
        public Mapped {
            adjustments = List.copyOf(adjustments);
        }
    }

    /** The invoice cannot go to QBO as it is: a FAILED outcome with this reason, not a retry. */
    record Rejected(String reason) implements InvoiceMapping {
    }

    /** A sparse update would change nothing: no call needed (only from {@link #forUpdate}). */
    record Unchanged() implements InvoiceMapping {
    }

    /** The new invoice; {@code customerId} is the QBO id chosen by {@link BillTo}. */
    static InvoiceMapping forCreate(ServiceInvoice invoice, String customerId, OutboundSettings settings) {
        if (customerId == null || customerId.isBlank()) {
            throw new IllegalArgumentException("an invoice needs its customer's QBO id");
        }
        InvoiceLines.Result lines = InvoiceLines.build(invoice, settings);
        if (lines instanceof InvoiceLines.Invalid invalid) {
            return new Rejected(invalid.reason());
        }
        InvoiceLines.Built built = (InvoiceLines.Built) lines;
        List<String> adjustments = new ArrayList<>(built.adjustments());
        DocNumbers.adjustment(invoice.number()).ifPresent(adjustments::add);
        return new Mapped(new InvoiceFields(customerId, DocNumbers.of(invoice.number()), invoice.issueDate(),
                invoice.dueDate(), built.lines()), built.total(), adjustments);
    }

    /**
     * A sparse update carrying only what changed: the dates, and/or every line (QBO replaces the whole
     * Line array when Line is sent). CustomerRef and DocNumber are not changed.
     */
    static InvoiceMapping forUpdate(ServiceInvoice current, InvoiceChanges changes, OutboundSettings settings) {
        if (changes.isEmpty()) {
            return new Unchanged();
        }
        InvoiceLines.Built built = null;
        if (changes.lines()) {
            InvoiceLines.Result lines = InvoiceLines.build(current, settings);
            if (lines instanceof InvoiceLines.Invalid invalid) {
                return new Rejected(invalid.reason());
            }
            built = (InvoiceLines.Built) lines;
        }
        return new Mapped(new InvoiceFields(null, null, changes.dates() ? current.issueDate() : null,
                changes.dates() ? current.dueDate() : null, built == null ? null : built.lines()),
                built == null ? null : built.total(), built == null ? List.of() : built.adjustments());
    }
}
