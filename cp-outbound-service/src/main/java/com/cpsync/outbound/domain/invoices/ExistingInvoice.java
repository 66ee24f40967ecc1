package com.cpsync.outbound.domain.invoices;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Before an invoice is created, what QBO already holds under its DocNumber for its customer: the invoice
 * an earlier attempt created (its reply lost, or the service stopped before linking it; QBO's requestid
 * replay is not reliable and a duplicate DocNumber is only a warning, facts §11.2-3), or one a bookkeeper
 * made. Same DocNumber, same customer and same total: it is ours to link, never to create again. A
 * different total is a CONFLICT with both figures rather than a second invoice or a silent difference.
 */
public final class ExistingInvoice {

    private ExistingInvoice() {
    }

    /** What to do before creating. */
    public sealed interface Decision {
    }

    /** Nothing of ours is there: create. */
    public record Create() implements Decision {
    }

    /** Link this QBO invoice instead of creating one. */
    public record Link(String qboId, String reason) implements Decision {
    }

    /** Write nothing: a CONFLICT with this reason. */
    public record Conflict(String reason) implements Decision {
    }

    /** The found invoices that carry exactly this DocNumber for this customer (a LIKE lookup finds more). */
    public static List<InvoiceInQbo> sameNumberAndCustomer(List<InvoiceInQbo> found, String docNumber,
            String customerId) {
        return found.stream().filter(i -> docNumber.equals(i.docNumber()) && customerId.equals(i.customerId()))
                .toList();
    }

    /**
     * @param candidates what {@link #sameNumberAndCustomer} kept, less those linked to another Centerpoint invoice
     * @param total      the total the new invoice would have
     */
    public static Decision decide(List<InvoiceInQbo> candidates, String docNumber, BigDecimal total) {
        if (candidates.isEmpty()) {
            return new Create();
        }
        List<InvoiceInQbo> sameTotal = candidates.stream()
                .filter(i -> i.total() != null && i.total().compareTo(total) == 0).toList();
        if (sameTotal.size() == 1) {
            InvoiceInQbo found = sameTotal.get(0);
            return new Link(found.id(), "QBO invoice " + found.id() + " with DocNumber " + docNumber
                    + " for this customer was already there (an earlier attempt whose reply was lost, or made in QBO):"
                    + " linked, not created again");
        }
        String held = candidates.stream().map(i -> "invoice " + i.id() + " (total " + plain(i.total()) + ")")
                .collect(Collectors.joining(", "));
        String why = sameTotal.size() > 1 ? "ambiguous: QBO holds DocNumber " + docNumber + " for this customer "
                + candidates.size() + " times: " : "QBO already holds DocNumber " + docNumber
                + " for this customer with another total: ";
        return new Conflict(why + held + "; this invoice totals " + plain(total) + "; not linked and not created again");
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? "unknown" : amount.toPlainString();
    }
}
