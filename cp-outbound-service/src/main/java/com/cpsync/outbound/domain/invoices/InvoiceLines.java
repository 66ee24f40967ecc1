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
 *
 * <p>Money never differs silently: lines that do not add up to the invoice's total are refused with
 * both figures, and every change made on the way (rounding to the cent, a Qty 1 × amount rewrite, a
 * cut description) is named in {@link Built#adjustments()} for the outcome's reason.
 */
public final class InvoiceLines {

    public static final int MAX_LINES = 750;
    private static final int MAX_DESCRIPTION = 4000;

    private InvoiceLines() {
    }

    /** The lines, or why the invoice cannot go to QBO. */
    public sealed interface Result {
    }

    /** {@code adjustments}: what the translation changed, in words for the outcome; empty when nothing. */
    public record Built(List<QboLine> lines, BigDecimal total, List<String> adjustments) implements Result {
        public Built {
            lines = List.copyOf(lines);
            adjustments = List.copyOf(adjustments);
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
        List<String> adjustments = new ArrayList<>();
        noteRounding(adjustments, "total", total, amount);
        return new Built(List.of(new QboLine(itemId, description, BigDecimal.ONE, amount, amount)), amount,
                adjustments);
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
        List<String> adjustments = new ArrayList<>();
        BigDecimal total = Money.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            LineOutcome outcome = toQbo(lines.get(i), i + 1, itemId, adjustments);
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
        if (invoice.total() != null && Money.cents(invoice.total()).compareTo(total) != 0) {
            return new Invalid("invoice " + invoice.number() + ": its lines add up to " + total
                    + " but its total is " + Money.cents(invoice.total()) + "; QBO would show " + total
                    + ", so it is not sent until Centerpoint's lines and total agree");
        }
        return new Built(built, total, adjustments);
    }

    private record LineOutcome(QboLine line, String invalidReason) {
        static LineOutcome of(QboLine line) {
            return new LineOutcome(line, null);
        }

        static LineOutcome invalid(String reason) {
            return new LineOutcome(null, reason);
        }
    }

    private static LineOutcome toQbo(InvoiceLine line, int number, String itemId, List<String> adjustments) {
        BigDecimal qty = line.quantity();
        BigDecimal price = line.unitPrice();
        BigDecimal amount = line.amount() == null ? null : Money.cents(line.amount());
        if (amount != null) {
            noteRounding(adjustments, "line " + number + " amount", line.amount(), amount);
        }
        String description = line.description() == null ? "" : line.description().strip();
        if (qty != null && qty.signum() < 0) {
            return LineOutcome.invalid("line " + number + " has a negative quantity " + qty.toPlainString());
        }
        if (qty == null || price == null) {
            return amount == null
                    ? LineOutcome.invalid("line " + number + " has neither quantity and unit price nor an amount")
                    : LineOutcome.of(new QboLine(itemId, cut(description, number, adjustments), BigDecimal.ONE,
                            amount, amount));
        }
        BigDecimal computed = Money.cents(qty.multiply(price));
        if (amount == null || amount.compareTo(computed) == 0) {
            return LineOutcome.of(new QboLine(itemId, cut(description, number, adjustments), Money.plain(qty),
                    Money.rate(price), computed));
        }
        String times = Money.plain(qty).toPlainString() + " x " + price.stripTrailingZeros().toPlainString();
        adjustments.add("line " + number + " sent as 1 x " + amount.toPlainString() + ": its amount is not "
                + times + " = " + computed.toPlainString());
        String note = "(" + times + ")";
        String noted = description.isEmpty() ? note : description + " " + note;
        return LineOutcome.of(new QboLine(itemId, cut(noted, number, adjustments), BigDecimal.ONE, amount, amount));
    }

    private static void noteRounding(List<String> adjustments, String what, BigDecimal given, BigDecimal sent) {
        if (given.compareTo(sent) != 0) {
            adjustments.add(what + " " + given.toPlainString() + " rounded to " + sent.toPlainString());
        }
    }

    private static String cut(String description, int number, List<String> adjustments) {
        if (description.length() <= MAX_DESCRIPTION) {
            return description;
        }
        adjustments.add("line " + number + " description cut to " + MAX_DESCRIPTION + " characters");
        return description.substring(0, MAX_DESCRIPTION);
    }
}
