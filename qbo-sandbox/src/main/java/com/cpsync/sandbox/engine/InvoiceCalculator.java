package com.cpsync.sandbox.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.cpsync.sandbox.domain.QboFault;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Computes an invoice's lines and total the way QBO does: validated amounts, numbered lines, a SubTotal line. */
public final class InvoiceCalculator {

    public record Totals(ArrayNode lines, BigDecimal total) {
    }

    private InvoiceCalculator() {
    }

    public static Totals compute(JsonNode requestLines) {
        if (requestLines == null || !requestLines.isArray() || requestLines.isEmpty()) {
            throw QboFault.required("Line");
        }
        ArrayNode lines = Json.array();
        BigDecimal total = BigDecimal.ZERO;
        int n = 0;
        for (JsonNode in : requestLines) {
            String detailType = Json.text(in, "DetailType");
            if ("SubTotalLineDetail".equals(detailType)) {
                continue; // QBO recomputes the subtotal line itself
            }
            if (detailType == null) {
                throw QboFault.required("Line.DetailType");
            }
            ObjectNode line = ((ObjectNode) in).deepCopy();
            n++;
            line.put("Id", String.valueOf(n));
            line.put("LineNum", n);
            if ("DescriptionOnly".equals(detailType)) {
                lines.add(line);
                continue;
            }
            BigDecimal amount = amount(line);
            if ("SalesItemLineDetail".equals(detailType)) {
                checkQtyTimesPrice(line.path("SalesItemLineDetail"), amount);
                total = total.add(amount);
            } else if ("DiscountLineDetail".equals(detailType)) {
                total = total.subtract(amount);
            } else {
                total = total.add(amount);
            }
            line.put("Amount", amount);
            lines.add(line);
        }
        ObjectNode subTotal = Json.object();
        subTotal.put("Amount", total);
        subTotal.put("DetailType", "SubTotalLineDetail");
        subTotal.putObject("SubTotalLineDetail");
        lines.add(subTotal);
        return new Totals(lines, total);
    }

    /** A voided invoice keeps its lines with zero amounts. */
    public static ArrayNode zeroed(JsonNode lines) {
        ArrayNode out = Json.array();
        for (JsonNode in : lines) {
            ObjectNode line = ((ObjectNode) in).deepCopy();
            if (line.has("Amount")) {
                line.put("Amount", BigDecimal.ZERO);
            }
            out.add(line);
        }
        return out;
    }

    private static BigDecimal amount(ObjectNode line) {
        JsonNode a = line.get("Amount");
        if (a == null || a.isNull()) {
            throw QboFault.required("Line.Amount");
        }
        try {
            return new BigDecimal(a.asString().trim());
        } catch (NumberFormatException e) {
            throw QboFault.validation("2090", "Invalid Number", "Line.Amount is not a number: " + a.asString(), "Line.Amount");
        }
    }

    private static void checkQtyTimesPrice(JsonNode detail, BigDecimal amount) {
        JsonNode qty = detail.get("Qty");
        JsonNode price = detail.get("UnitPrice");
        if (qty == null || price == null || qty.isNull() || price.isNull()) {
            return;
        }
        BigDecimal expected = new BigDecimal(qty.asString()).multiply(new BigDecimal(price.asString()))
                .setScale(2, RoundingMode.HALF_UP);
        if (expected.compareTo(amount.setScale(2, RoundingMode.HALF_UP)) != 0) {
            throw QboFault.validation("6070", "Amount is not equal to UnitPrice * Qty",
                    "Amount is not equal to UnitPrice * Qty. Supplied value:" + amount.toPlainString()
                            + " expected:" + expected.toPlainString(), "Line.Amount");
        }
    }
}
