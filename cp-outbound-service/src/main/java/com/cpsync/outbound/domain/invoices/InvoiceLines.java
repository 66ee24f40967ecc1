package com.cpsync.outbound.domain.invoices;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.cpsync.outbound.domain.centerpoint.InvoiceLine;
import com.cpsync.outbound.domain.centerpoint.ServiceInvoice;
import com.cpsync.outbound.domain.settings.OutboundSettings;
import com.cpsync.outbound.domain.settings.OutboundSettings.InvoiceLineMode;

/**
 * Turns a Centerpoint invoice into QBO lines. QBO rejects a line whose Amount is not Qty × UnitPrice
 * (6070), so when a Centerpoint line's amount disagrees with its quantity × price we trust the
 * amount (it is what the client was billed and what the total adds up to) and send
 * Qty 1 × amount, noting the original quantity and price in the description.
 */
public final class InvoiceLines {

    public static final int MAX_LINES = 750;
    private static final int MAX_DESCRIPTION = 4000;

    private InvoiceLines() {
    }

    /** The lines, or why the invoice cannot go to QBO. */
    public sealed interface Result {
    }

    public record Built(List<QboLine> lines, BigDecimal total) implements Result {
        public Built {
            lines = List.copyOf(lines);
        }
    }

    public record Invalid(String reason) implements Result {
    }

    public static Result build(ServiceInvoice invoice, OutboundSettings settings) {
        String itemId = itemId(settings);
        return settings.invoiceLineMode() == InvoiceLineMode.MULTI_LINE
                ? multiLine(invoice, itemId)
                : singleLine(invoice, itemId);
    }

    static String itemId(OutboundSettings settings) {
        String itemId = settings.invoiceItemId();
        return itemId == null || itemId.isBlank() ? OutboundSettings.DEFAULT_ITEM_ID : itemId.strip();
    }

    private static Result singleLine(ServiceInvoice invoice, String itemId) {
        BigDecimal total = invoice.total();
        if (total == null) {
            return new Invalid("invoice " + invoice.number() + " has no total");
        }
        BigDecimal amount = Money.cents(total);
        if (amount.signum() < 0) {
            return new Invalid("invoice " + invoice.number() + " has a negative total " + amount
                    + "; QBO needs a credit memo for that");
        }
        String description = "Service invoice " + invoice.number();
        return new Built(List.of(new QboLine(itemId, description, BigDecimal.ONE, amount, amount)), amount);
    }

    private static Result multiLine(ServiceInvoice invoice, String itemId) {
        List<InvoiceLine> lines = invoice.lines();
        if (lines.isEmpty()) {
            return new Invalid("invoice " + invoice.number() + " has no lines (line mode MULTI_LINE)");
        }
        if (lines.size() > MAX_LINES) {
            return new Invalid("invoice " + invoice.number() + " has " + lines.size()
                    + " lines; QBO accepts at most " + MAX_LINES);
        }
        List<QboLine> built = new ArrayList<>();
        BigDecimal total = Money.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            LineOutcome outcome = toQbo(lines.get(i), i + 1, itemId);
            if (outcome.invalidReason() != null) {
                return new Invalid("invoice " + invoice.number() + ": " + outcome.invalidReason());
            }
            QboLine qboLine = outcome.line();
            built.add(qboLine);
            total = total.add(qboLine.amount());
        }
        if (total.signum() < 0) {
            return new Invalid("invoice " + invoice.number() + " adds up to a negative total " + total
                    + "; QBO needs a credit memo for that");
        }
        return new Built(built, total);
    }

    private record LineOutcome(QboLine line, String invalidReason) {
        static LineOutcome of(QboLine line) {
            return new LineOutcome(line, null);
        }

        static LineOutcome invalid(String reason) {
            return new LineOutcome(null, reason);
        }
    }

    private static LineOutcome toQbo(InvoiceLine line, int number, String itemId) {
        BigDecimal qty = line.quantity();
        BigDecimal price = line.unitPrice();
        BigDecimal amount = line.amount() == null ? null : Money.cents(line.amount());
        String description = line.description() == null ? "" : line.description().strip();
        if (qty != null && qty.signum() < 0) {
            return LineOutcome.invalid("line " + number + " has a negative quantity " + qty.toPlainString());
        }
        if (qty == null || price == null) {
            return amount == null
                    ? LineOutcome.invalid("line " + number + " has neither quantity and unit price nor an amount")
                    : LineOutcome.of(new QboLine(itemId, cut(description), BigDecimal.ONE, amount, amount));
        }
        BigDecimal computed = Money.cents(qty.multiply(price));
        if (amount == null || amount.compareTo(computed) == 0) {
            return LineOutcome.of(new QboLine(itemId, cut(description), Money.plain(qty), Money.rate(price), computed));
        }
        String note = "(" + Money.plain(qty).toPlainString() + " x " + price.stripTrailingZeros().toPlainString() + ")";
        String noted = description.isEmpty() ? note : description + " " + note;
        return LineOutcome.of(new QboLine(itemId, cut(noted), BigDecimal.ONE, amount, amount));
    }

    private static String cut(String description) {
        return description.length() <= MAX_DESCRIPTION ? description : description.substring(0, MAX_DESCRIPTION);
    }
}
