package com.cpsync.outbound.domain.invoices;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;

import com.cpsync.outbound.domain.centerpoint.InvoiceLine;
import com.cpsync.outbound.domain.centerpoint.ServiceInvoice;
import com.cpsync.outbound.domain.settings.OutboundSettings;

/**
 * What an invoice sparse update must carry: dates (TxnDate, DueDate) and/or lines (which also
 * carry the amount: QBO derives the total from the lines). Numbers compare by value (10.0 = 10.00).
 */
public record InvoiceChanges(boolean dates, boolean lines) {

    /** Every field: use when only the new state is known. */
    public static InvoiceChanges all() {
        return new InvoiceChanges(true, true);
    }

    /** Differences between the previous and the new Centerpoint invoice. */
    public static InvoiceChanges between(ServiceInvoice previous, ServiceInvoice current) {
        boolean dates = !Objects.equals(previous.issueDate(), current.issueDate())
                || !Objects.equals(previous.dueDate(), current.dueDate());
        boolean lines = !sameNumber(previous.total(), current.total())
                || !sameLines(previous.lines(), current.lines());
        return new InvoiceChanges(dates, lines);
    }

    /** Differences between a QBO Invoice as read (e.g. after a 5010) and what the invoice maps to now. */
    public static InvoiceChanges against(InvoiceFields qboInvoice, ServiceInvoice current, OutboundSettings settings) {
        boolean dates = !Objects.equals(current.issueDate(), qboInvoice.txnDate())
                || !Objects.equals(current.dueDate(), qboInvoice.dueDate());
        InvoiceLines.Result wanted = InvoiceLines.build(current, settings);
        boolean lines = !(wanted instanceof InvoiceLines.Built built)
                || !sameQboLines(built.lines(), qboInvoice.lines() == null ? List.of() : qboInvoice.lines());
        return new InvoiceChanges(dates, lines);
    }

    public boolean isEmpty() {
        return !dates && !lines;
    }

    private static boolean sameLines(List<InvoiceLine> previous, List<InvoiceLine> current) {
        return sameInOrder(previous, current, (x, y) -> Objects.equals(x.description(), y.description())
                && sameNumber(x.quantity(), y.quantity()) && sameNumber(x.unitPrice(), y.unitPrice())
                && sameNumber(x.amount(), y.amount()));
    }

    private static boolean sameQboLines(List<QboLine> wanted, List<QboLine> actual) {
        return sameInOrder(wanted, actual, (w, a) -> sameNumber(w.amount(), a.amount())
                && w.description().equals(a.description()) && w.itemId().equals(a.itemId())
                && sameNumber(w.qty(), a.qty()) && sameNumber(w.unitPrice(), a.unitPrice()));
    }

    private static <T> boolean sameInOrder(List<T> a, List<T> b, BiPredicate<T, T> same) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!same.test(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
