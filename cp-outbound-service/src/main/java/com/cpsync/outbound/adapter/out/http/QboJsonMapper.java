package com.cpsync.outbound.adapter.out.http;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import com.cpsync.outbound.application.port.QboGateway.Version;
import com.cpsync.outbound.application.port.QboWrite;
import com.cpsync.outbound.domain.companies.CustomerChanges;
import com.cpsync.outbound.domain.companies.CustomerFields;
import com.cpsync.outbound.domain.invoices.InvoiceFields;
import com.cpsync.outbound.domain.invoices.InvoiceInQbo;
import com.cpsync.outbound.domain.invoices.QboLine;
import com.cpsync.outbound.domain.jobs.JobFields;
import com.cpsync.outbound.domain.jobs.JobInQbo;
import com.cpsync.outbound.domain.qbo.QboAddress;
import com.cpsync.outbound.domain.qbo.QboName;

/**
 * QBO Accounting API JSON for the domain's writes, and the few fields read back. Money goes out as
 * JSON numbers with the scale the domain gave them (amounts 2 decimals, QBO error 6070 otherwise).
 */
public final class QboJsonMapper {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private QboJsonMapper() {
    }

    public static ObjectNode toJson(QboWrite write) {
        if (write instanceof QboWrite.CreateCustomer create) {
            return customer(JSON.objectNode(), create.customer(), null);
        }
        if (write instanceof QboWrite.UpdateCustomer update) {
            return customer(sparse(update.qboId(), update.syncToken()), update.current(), update.changes());
        }
        if (write instanceof QboWrite.ReactivateCustomer reactivate) {
            return sparse(reactivate.qboId(), reactivate.syncToken()).put("Active", true);
        }
        if (write instanceof QboWrite.CreateJob create) {
            ObjectNode body = JSON.objectNode().put("DisplayName", create.job().displayName()).put("Job", true);
            body.putObject("ParentRef").put("value", create.parentCustomerId());
            body.put("BillWithParent", true);
            return jobAddresses(body, create.job());
        }
        if (write instanceof QboWrite.UpdateJob update) {
            ObjectNode body = sparse(update.qboId(), update.syncToken());
            if (update.changes().displayName()) {
                body.put("DisplayName", update.current().displayName());
            }
            return update.changes().address() ? jobAddresses(body, update.current()) : body;
        }
        if (write instanceof QboWrite.CreateInvoice create) {
            return invoice(JSON.objectNode(), create.invoice());
        }
        QboWrite.UpdateInvoice update = (QboWrite.UpdateInvoice) write;
        return invoice(sparse(update.qboId(), update.syncToken()), update.changed());
    }

    public static Version toVersion(JsonNode entity) {
        return new Version(entity.path("Id").asString(), entity.path("SyncToken").asString());
    }

    /** A record of the name list {@code list} as a query answered it. */
    public static QboName toName(String list, JsonNode entity) {
        return new QboName(list, entity.path("Id").asString(), entity.path("DisplayName").asString(),
                entity.path("Active").asBoolean(true), entity.path("Job").asBoolean(false),
                entity.path("SyncToken").asString(), text(entity.path("ParentRef"), "value"));
    }

    public static InvoiceInQbo toInvoiceInQbo(JsonNode invoice) {
        return new InvoiceInQbo(invoice.path("Id").asString(), text(invoice, "DocNumber"),
                text(invoice.path("CustomerRef"), "value"), invoice.path("TotalAmt").asDecimal(null));
    }

    public static JobInQbo toJobInQbo(JsonNode customer) {
        return new JobInQbo(customer.path("DisplayName").asString(""), toAddress(customer.path("BillAddr")),
                toAddress(customer.path("ShipAddr")));
    }

    /** An invoice as read: its SalesItemLineDetail lines only (QBO adds a SubTotalLineDetail line). */
    public static InvoiceFields toInvoiceFields(JsonNode invoice) {
        List<QboLine> lines = new ArrayList<>();
        for (JsonNode line : invoice.path("Line").values()) {
            if ("SalesItemLineDetail".equals(line.path("DetailType").asString(""))) {
                JsonNode detail = line.path("SalesItemLineDetail");
                lines.add(new QboLine(detail.path("ItemRef").path("value").asString(""),
                        line.path("Description").asString(""), detail.path("Qty").asDecimal(null),
                        detail.path("UnitPrice").asDecimal(null), line.path("Amount").asDecimal(null)));
            }
        }
        return new InvoiceFields(text(invoice.path("CustomerRef"), "value"), text(invoice, "DocNumber"),
                date(invoice, "TxnDate"), date(invoice, "DueDate"), lines);
    }

    /** All fields on a create ({@code changes} null), else the changed ones. */
    private static ObjectNode customer(ObjectNode body, CustomerFields customer, CustomerChanges changes) {
        if (changes == null || changes.name()) {
            body.put("DisplayName", customer.displayName());
            body.put("CompanyName", customer.companyName());
        }
        // on an update a cleared email or phone is sent as null, so QBO clears it too
        if (changes == null ? customer.email() != null : changes.email()) {
            body.putObject("PrimaryEmailAddr").put("Address", customer.email());
        }
        if (changes == null ? customer.phone() != null : changes.phone()) {
            body.putObject("PrimaryPhone").put("FreeFormNumber", customer.phone());
        }
        if (customer.billingAddress() != null && (changes == null || changes.billingAddress())) {
            body.set("BillAddr", address(customer.billingAddress()));
        }
        return body;
    }

    private static ObjectNode jobAddresses(ObjectNode body, JobFields job) {
        if (job.address() != null) {
            QboAddress address = QboAddress.of(job.address());
            body.set("BillAddr", address(address));
            body.set("ShipAddr", address(address));
        }
        return body;
    }

    private static ObjectNode invoice(ObjectNode body, InvoiceFields invoice) {
        if (invoice.customerId() != null) {
            body.putObject("CustomerRef").put("value", invoice.customerId());
        }
        putIfPresent(body, "DocNumber", invoice.docNumber());
        putIfPresent(body, "TxnDate", invoice.txnDate() == null ? null : invoice.txnDate().toString());
        putIfPresent(body, "DueDate", invoice.dueDate() == null ? null : invoice.dueDate().toString());
        if (invoice.lines() != null) {
            ArrayNode array = body.putArray("Line");
            for (QboLine line : invoice.lines()) {
                ObjectNode json = array.addObject().put("DetailType", "SalesItemLineDetail")
                        .put("Amount", line.amount());
                if (!line.description().isEmpty()) {
                    json.put("Description", line.description());
                }
                ObjectNode detail = json.putObject("SalesItemLineDetail");
                detail.putObject("ItemRef").put("value", line.itemId());
                detail.put("Qty", line.qty()).put("UnitPrice", line.unitPrice());
            }
        }
        return body;
    }

    private static ObjectNode sparse(String qboId, String syncToken) {
        return JSON.objectNode().put("Id", qboId).put("SyncToken", syncToken).put("sparse", true);
    }

    private static ObjectNode address(QboAddress address) {
        ObjectNode json = JSON.objectNode();
        putIfPresent(json, "Line1", address.line1());
        putIfPresent(json, "Line2", address.line2());
        putIfPresent(json, "City", address.city());
        putIfPresent(json, "CountrySubDivisionCode", address.countrySubDivisionCode());
        putIfPresent(json, "PostalCode", address.postalCode());
        putIfPresent(json, "Country", address.country());
        return json;
    }

    private static QboAddress toAddress(JsonNode json) {
        return new QboAddress(text(json, "Line1"), text(json, "Line2"), text(json, "City"),
                text(json, "CountrySubDivisionCode"), text(json, "PostalCode"), text(json, "Country"));
    }

    private static void putIfPresent(ObjectNode json, String field, String value) {
        if (value != null) {
            json.put(field, value);
        }
    }

    /** A text field, null when absent or blank (as the domain leaves out blank parts). */
    private static String text(JsonNode json, String field) {
        String value = json.path(field).asString("");
        return value.isBlank() ? null : value;
    }

    private static LocalDate date(JsonNode json, String field) {
        String value = text(json, field);
        return value == null ? null : LocalDate.parse(value);
    }
}
