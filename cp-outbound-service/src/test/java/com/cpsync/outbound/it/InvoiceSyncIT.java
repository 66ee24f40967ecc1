package com.cpsync.outbound.it;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.cpsync.schemas.avro.CompaniesToQbo;
import com.cpsync.schemas.avro.CompanyCreated;
import com.cpsync.schemas.avro.InvoiceLineMode;
import com.cpsync.schemas.avro.ServiceInvoiceCreated;
import com.cpsync.schemas.avro.ServiceInvoiceUpdated;
import com.cpsync.schemas.avro.ServiceInvoicesToQbo;
import com.cpsync.schemas.avro.SyncOutcome;
import com.cpsync.schemas.avro.SyncResult;

import static com.cpsync.outbound.it.ItFixtures.company;
import static com.cpsync.outbound.it.ItFixtures.invoice;
import static com.cpsync.outbound.it.ItFixtures.twoLineInvoice;
import static org.assertj.core.api.Assertions.assertThat;

/** Service invoices → QBO invoices (issue 3): line modes, changes, DocNumbers, a refused DocNumber. */
class InvoiceSyncIT extends OutboundItBase {

    @Test
    void shouldWriteSingleLineAndMultiLineInvoicesWithTheirLinesAndTotals() {
        Tenant single = invoicing(false, InvoiceLineMode.SINGLE_LINE);
        Tenant multi = invoicing(false, InvoiceLineMode.MULTI_LINE);
        Map<Tenant, String> items = new HashMap<>();
        for (Tenant t : List.of(single, multi)) {
            // the tenant's chosen item, not the realm's default item "1"
            String itemId = apps().createInQbo(t.realm(), "Item", "{\"Name\":\"Site work\",\"Type\":\"Service\"}")
                    .path("Id").asString();
            items.put(t, itemId);
            changeSettings(t, s -> s.setInvoiceItemId(itemId));
            publish(t, new CompanyCreated(company("c1", "Lined Co")));
            String created = publish(t, new ServiceInvoiceCreated(twoLineInvoice("INV-2001")));
            assertThat(awaitOutcome(t, created, "i1").getResult()).isEqualTo(SyncResult.SYNCED);
        }

        JsonNode one = onlyInvoice(single);
        assertThat(one.path("DocNumber").asString()).isEqualTo("INV-2001");
        assertThat(one.path("TotalAmt").decimalValue()).isEqualByComparingTo("479.99");
        assertThat(salesLines(one)).singleElement().satisfies(line -> {
            assertThat(line.path("Amount").decimalValue()).isEqualByComparingTo("479.99");
            assertThat(line.path("Description").asString()).contains("INV-2001");
            assertThat(line.path("SalesItemLineDetail").path("ItemRef").path("value").asString())
                    .isEqualTo(items.get(single));
        });

        JsonNode many = onlyInvoice(multi);
        assertThat(many.path("TotalAmt").decimalValue()).isEqualByComparingTo("479.99");
        List<JsonNode> lines = salesLines(many);
        assertThat(lines).hasSize(2);
        assertLine(lines.get(0), "4h site work", "4", "95.00", "380.00", items.get(multi));
        assertLine(lines.get(1), "parts", "3", "33.33", "99.99", items.get(multi));
    }

    @Test
    void shouldSendAnInvoiceAmountChangeOnlyWhenSendChangesIsOn() {
        Tenant sends = invoicing(true, InvoiceLineMode.MULTI_LINE);
        Tenant keeps = invoicing(false, InvoiceLineMode.MULTI_LINE);
        for (Tenant t : List.of(sends, keeps)) {
            publish(t, new CompanyCreated(company("c1", "Invoiced Co")));
            String created = publish(t, new ServiceInvoiceCreated(invoice("i1", "c1", "t9", "INV-1")));
            assertThat(awaitOutcome(t, created, "i1").getResult()).isEqualTo(SyncResult.SYNCED);
            assertThat(onlyInvoice(t).path("TotalAmt").decimalValue()).isEqualByComparingTo("380.00");
        }

        Map<Tenant, SyncOutcome> updates = new HashMap<>();
        for (Tenant t : List.of(sends, keeps)) {
            updates.put(t, awaitOutcome(t, publish(t, new ServiceInvoiceUpdated(twoLineInvoice("INV-1"))), "i1"));
        }

        assertThat(updates.get(sends).getResult()).isEqualTo(SyncResult.SYNCED);
        assertThat(updates.get(sends).getAction().name()).isEqualTo("UPDATE");
        JsonNode updated = onlyInvoice(sends);
        assertThat(updated.path("TotalAmt").decimalValue()).isEqualByComparingTo("479.99");
        assertThat(salesLines(updated)).hasSize(2);
        assertThat(updates.get(keeps).getResult()).isEqualTo(SyncResult.SKIPPED_BY_SETTINGS);
        JsonNode kept = onlyInvoice(keeps);
        assertThat(kept.path("TotalAmt").decimalValue()).isEqualByComparingTo("380.00");
        assertThat(kept.path("SyncToken").asString()).isEqualTo("0");
    }

    @Test
    void shouldShortenAnInvoiceNumberLongerThanQboAllowsInsteadOfFailing() {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED,
                s -> s.setServiceInvoicesToQbo(ServiceInvoicesToQbo.WHEN_CREATED));
        String number = "CP-2026-SERVICE-INVOICE-000123";

        publish(t, new CompanyCreated(company("c1", "Long Numbers Ltd")));
        String created = publish(t, new ServiceInvoiceCreated(invoice("i1", "c1", "t9", number)));

        assertThat(awaitOutcome(t, created, "i1").getResult()).isEqualTo(SyncResult.SYNCED);
        String docNumber = onlyInvoice(t).path("DocNumber").asString();
        assertThat(docNumber).hasSizeLessThanOrEqualTo(21).endsWith("INVOICE-000123".substring(2));
    }

    @Test
    void shouldReportADuplicateDocNumberAsFailedWithQbosCodeAndNeverRetryIt() {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED,
                s -> s.setServiceInvoicesToQbo(ServiceInvoicesToQbo.WHEN_CREATED));
        String otherCustomer = apps().createInQbo(t.realm(), "Customer", "{\"DisplayName\":\"Walk-in\"}")
                .path("Id").asString();
        apps().createInQbo(t.realm(), "Invoice", "{\"CustomerRef\":{\"value\":\"" + otherCustomer + "\"},"
                + "\"DocNumber\":\"INV-7\",\"Line\":[{\"Amount\":10,\"DetailType\":\"SalesItemLineDetail\","
                + "\"SalesItemLineDetail\":{\"ItemRef\":{\"value\":\"1\"},\"Qty\":1,\"UnitPrice\":10}}]}");

        publish(t, new CompanyCreated(company("c1", "Dup Numbers Ltd")));
        String duplicate = publish(t, new ServiceInvoiceCreated(invoice("i1", "c1", "t9", "INV-7")));
        String next = publish(t, new CompanyCreated(company("c2", "Still Flowing Ltd")));

        SyncOutcome failed = awaitOutcome(t, duplicate, "i1");
        assertThat(failed.getResult()).isEqualTo(SyncResult.FAILED);
        assertThat(failed.getQboErrorCode()).isEqualTo("6140");
        assertThat(failed.getReason()).contains("Duplicate Document Number");
        assertThat(awaitOutcome(t, next, "c2").getResult()).isEqualTo(SyncResult.SYNCED);
        // a permanent fault is not retried: QBO refused exactly one request, and the tenant was never parked
        assertThat(apps().stats(t.realm()).path("byStatus").path("400").asInt(0)).isEqualTo(1);
        assertThat(apps().entities(t.realm(), "Invoice")).hasSize(1);
        assertThat(outcomesOf(t, "i1")).hasSize(1);
    }

    /** Companies and invoices go to QBO as they are created, invoices written in {@code lineMode}. */
    private Tenant invoicing(boolean sendInvoiceChanges, InvoiceLineMode lineMode) {
        return tenant(CompaniesToQbo.WHEN_CREATED, s -> s.setServiceInvoicesToQbo(ServiceInvoicesToQbo.WHEN_CREATED)
                .setSendServiceInvoiceChanges(sendInvoiceChanges).setInvoiceLineMode(lineMode));
    }

    private JsonNode onlyInvoice(Tenant t) {
        List<JsonNode> invoices = apps().entities(t.realm(), "Invoice");
        assertThat(invoices).hasSize(1);
        return invoices.get(0);
    }

    private static List<JsonNode> salesLines(JsonNode invoice) {
        List<JsonNode> lines = new ArrayList<>();
        invoice.path("Line").forEach(line -> {
            if ("SalesItemLineDetail".equals(line.path("DetailType").asString())) {
                lines.add(line);
            }
        });
        return lines;
    }

    private static void assertLine(JsonNode line, String description, String qty, String unitPrice, String amount,
            String itemId) {
        JsonNode detail = line.path("SalesItemLineDetail");
        assertThat(line.path("Description").asString()).isEqualTo(description);
        assertThat(detail.path("Qty").decimalValue()).isEqualByComparingTo(qty);
        assertThat(detail.path("UnitPrice").decimalValue()).isEqualByComparingTo(unitPrice);
        assertThat(line.path("Amount").decimalValue()).isEqualByComparingTo(amount);
        assertThat(detail.path("ItemRef").path("value").asString()).isEqualTo(itemId);
    }
}
