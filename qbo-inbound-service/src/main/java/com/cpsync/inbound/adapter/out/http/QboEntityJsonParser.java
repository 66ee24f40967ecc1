package com.cpsync.inbound.adapter.out.http;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.cpsync.inbound.application.QboEntityParser;
import com.cpsync.inbound.domain.qbo.Address;
import com.cpsync.inbound.domain.qbo.Line;
import com.cpsync.inbound.domain.qbo.QboCustomer;
import com.cpsync.inbound.domain.qbo.QboInvoice;
import com.cpsync.inbound.domain.qbo.QboPayment;
import com.cpsync.inbound.domain.qbo.QboPayment.AppliedAmount;
import com.cpsync.inbound.domain.webhook.LenientTimestamps;

/** Reads the QBO entity JSON (as read, queried or returned by CDC) into the views this sync uses. */
public final class QboEntityJsonParser implements QboEntityParser {

    private final JsonMapper json;

    public QboEntityJsonParser(JsonMapper json) {
        this.json = json;
    }

    private JsonNode tree(String entityJson) {
        return json.readTree(entityJson);
    }

    @Override
    public String syncToken(String entityJson) {
        return text(tree(entityJson), "SyncToken");
    }

    @Override
    public Optional<Instant> lastUpdated(String entityJson) {
        return LenientTimestamps.parse(text(tree(entityJson).path("MetaData"), "LastUpdatedTime"));
    }

    @Override
    public QboCustomer customer(String entityJson) {
        JsonNode c = tree(entityJson);
        JsonNode addr = c.path("BillAddr");
        Address address = addr.isObject() ? new Address(text(addr, "Line1"), text(addr, "Line2"),
                text(addr, "City"), text(addr, "CountrySubDivisionCode"), text(addr, "PostalCode"),
                text(addr, "Country")) : null;
        boolean job = c.path("Job").asBoolean(false) || c.path("ParentRef").path("value").isString()
                || c.path("IsProject").asBoolean(false);
        return new QboCustomer(text(c, "Id"), text(c, "SyncToken"), text(c, "DisplayName"),
                text(c.path("PrimaryEmailAddr"), "Address"), text(c.path("PrimaryPhone"), "FreeFormNumber"),
                address, job, c.path("Active").asBoolean(true), text(c.path("ParentRef"), "value"));
    }

    @Override
    public QboInvoice invoice(String entityJson) {
        JsonNode i = tree(entityJson);
        List<Line> lines = new ArrayList<>();
        for (JsonNode line : i.path("Line")) {
            if (!"SalesItemLineDetail".equals(text(line, "DetailType"))) {
                continue;
            }
            JsonNode detail = line.path("SalesItemLineDetail");
            String amount = money(line.path("Amount"));
            String qty = detail.path("Qty").isNumber() ? decimal(detail.path("Qty")) : "1";
            String unitPrice = detail.path("UnitPrice").isNumber() ? money(detail.path("UnitPrice")) : amount;
            lines.add(new Line(text(line, "Description"), qty, unitPrice, amount));
        }
        return new QboInvoice(text(i, "Id"), text(i, "SyncToken"), text(i.path("CustomerRef"), "value"),
                text(i.path("ProjectRef"), "value"), text(i, "DocNumber"), date(i, "TxnDate"), date(i, "DueDate"),
                lines, money(i.path("TotalAmt")), money(i.path("Balance")), isVoided(i));
    }

    @Override
    public QboPayment payment(String entityJson) {
        JsonNode p = tree(entityJson);
        // one payment line may repeat an invoice: sum per invoice, keep QBO's order
        Map<String, BigDecimal> perInvoice = new LinkedHashMap<>();
        for (JsonNode line : p.path("Line")) {
            for (JsonNode linked : line.path("LinkedTxn")) {
                if ("Invoice".equalsIgnoreCase(text(linked, "TxnType"))) {
                    BigDecimal amount = new BigDecimal(money(line.path("Amount")));
                    perInvoice.merge(text(linked, "TxnId"), amount, BigDecimal::add);
                }
            }
        }
        List<AppliedAmount> applied = new ArrayList<>();
        perInvoice.forEach((id, amount) -> applied.add(
                new AppliedAmount(id, amount.setScale(2, RoundingMode.HALF_UP).toPlainString())));
        return new QboPayment(text(p, "Id"), text(p, "SyncToken"), date(p, "TxnDate"), money(p.path("TotalAmt")),
                text(p, "PaymentRefNum"), applied, isVoided(p));
    }

    /** QBO keeps a voided transaction with zero amounts and "Voided" in PrivateNote. */
    private static boolean isVoided(JsonNode txn) {
        String note = text(txn, "PrivateNote");
        return note != null && note.toLowerCase(Locale.ROOT).contains("voided");
    }

    private static String money(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return "0.00";
        }
        return new BigDecimal(node.asString()).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String decimal(JsonNode node) {
        return new BigDecimal(node.asString()).stripTrailingZeros().toPlainString();
    }

    private static LocalDate date(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() || value.isContainer() ? null : value.asString();
    }
}
