package com.cpsync.outbound.domain.invoices;

import java.math.BigDecimal;
import java.util.List;

import com.cpsync.outbound.domain.centerpoint.ServiceInvoice;
import com.cpsync.outbound.domain.settings.OutboundSettings;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** QBO Invoice bodies for service invoices. Money goes out as JSON numbers with two decimals. */
public final class InvoicePayloads {

    private InvoicePayloads() {
    }

    /** Body of {@code POST /invoice}; {@code customerId} is the QBO id chosen by {@link BillTo}. */
    public static InvoiceMapping create(ServiceInvoice invoice, String customerId, OutboundSettings settings) {
        if (customerId == null || customerId.isBlank()) {
            throw new IllegalArgumentException("an invoice needs its customer's QBO id");
        }
        InvoiceLines.Result lines = InvoiceLines.build(invoice, settings);
        if (lines instanceof InvoiceLines.Invalid invalid) {
            return new InvoiceMapping.Rejected(invalid.reason());
        }
        InvoiceLines.Built built = (InvoiceLines.Built) lines;
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("CustomerRef").put("value", customerId);
        String docNumber = DocNumbers.of(invoice.number());
        if (docNumber != null) {
            body.put("DocNumber", docNumber);
        }
        putDates(body, invoice);
        putLines(body, built.lines());
        return new InvoiceMapping.Mapped(body, docNumber, built.total());
    }

    /**
     * A sparse update carrying only what changed. QBO replaces the whole Line array when Line is
     * sent, so a line change sends every line. {@code Mapped.total} is null when no lines are sent.
     */
    public static InvoiceMapping sparseUpdate(String qboId, String syncToken, ServiceInvoice current,
            InvoiceChanges changes, OutboundSettings settings) {
        if (changes.isEmpty()) {
            return new InvoiceMapping.Unchanged();
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("Id", qboId);
        body.put("SyncToken", syncToken);
        body.put("sparse", true);
        if (changes.dates()) {
            putDates(body, current);
        }
        BigDecimal total = null;
        if (changes.lines()) {
            InvoiceLines.Result lines = InvoiceLines.build(current, settings);
            if (lines instanceof InvoiceLines.Invalid invalid) {
                return new InvoiceMapping.Rejected(invalid.reason());
            }
            InvoiceLines.Built built = (InvoiceLines.Built) lines;
            putLines(body, built.lines());
            total = built.total();
        }
        return new InvoiceMapping.Mapped(body, DocNumbers.of(current.number()), total);
    }

    private static void putDates(ObjectNode body, ServiceInvoice invoice) {
        if (invoice.issueDate() != null) {
            body.put("TxnDate", invoice.issueDate().toString());
        }
        if (invoice.dueDate() != null) {
            body.put("DueDate", invoice.dueDate().toString());
        }
    }

    private static void putLines(ObjectNode body, List<QboLine> lines) {
        ArrayNode array = body.putArray("Line");
        for (QboLine line : lines) {
            ObjectNode json = array.addObject();
            json.put("DetailType", "SalesItemLineDetail");
            json.put("Amount", line.amount());
            if (!line.description().isEmpty()) {
                json.put("Description", line.description());
            }
            ObjectNode detail = json.putObject("SalesItemLineDetail");
            detail.putObject("ItemRef").put("value", line.itemId());
            detail.put("Qty", line.qty());
            detail.put("UnitPrice", line.unitPrice());
        }
    }
}
