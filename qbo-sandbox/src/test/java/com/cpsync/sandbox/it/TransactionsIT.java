package com.cpsync.sandbox.it;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Invoices and payments over HTTP: totals, DocNumbers, balances, void and delete. */
class TransactionsIT extends SandboxCalls {

    @Test
    void shouldComputeInvoiceTotalsAndRefuseDuplicateOrLongDocNumbersAndWrongAmounts() {
        String customerId = customer("Invoice Co").get("Id").asString();
        JsonNode inv = invoice(customerId, "CP-1042", "380.00");
        assertThat(inv.get("TotalAmt").decimalValue()).isEqualByComparingTo("380");
        assertThat(inv.get("Balance").decimalValue()).isEqualByComparingTo("380");
        assertThat(inv.get("Line").get(1).get("DetailType").asString()).isEqualTo("SubTotalLineDetail");
        assertThat(query("select * from Invoice where DocNumber = 'cp-1042' and CustomerRef = '" + customerId + "'")
                .body().get("QueryResponse").get("Invoice").get(0).get("Id").asString()).isEqualTo(inv.get("Id").asString());
        assertThat(query("select * from Invoice where TxnDate >= '2000-01-01' and MetaData.LastUpdatedTime <= '2999-01-01T00:00:00Z'")
                .body().get("QueryResponse").get("Invoice")).hasSize(1);

        Reply dup = post("/invoice", "{\"CustomerRef\":{\"value\":\"" + customerId + "\"},\"DocNumber\":\"cp-1042\","
                + "\"Line\":[{\"DetailType\":\"SalesItemLineDetail\",\"Amount\":1,\"SalesItemLineDetail\":{\"Qty\":1,\"UnitPrice\":1}}]}");
        assertThat(dup.code()).isEqualTo("6140");
        assertThat(dup.body().get("Fault").get("Error").get(0).get("Message").asString()).isEqualTo("Duplicate Document Number Error");

        Reply tooLong = post("/invoice", "{\"CustomerRef\":{\"value\":\"" + customerId + "\"},\"DocNumber\":\"" + "9".repeat(22) + "\","
                + "\"Line\":[{\"DetailType\":\"SalesItemLineDetail\",\"Amount\":1}]}");
        assertThat(tooLong.code()).isEqualTo("6000");

        Reply wrong = post("/invoice", "{\"CustomerRef\":{\"value\":\"" + customerId + "\"},"
                + "\"Line\":[{\"DetailType\":\"SalesItemLineDetail\",\"Amount\":10,\"SalesItemLineDetail\":{\"Qty\":2,\"UnitPrice\":4}}]}");
        assertThat(wrong.code()).isEqualTo("6070");

        Reply badRef = post("/invoice", "{\"CustomerRef\":{\"value\":\"777\"},\"Line\":[{\"DetailType\":\"SalesItemLineDetail\",\"Amount\":1}]}");
        assertThat(badRef.code()).isEqualTo("2500");
    }

    @Test
    void shouldApplyPaymentsToInvoiceBalanceAndRestoreItWhenVoided() {
        String customerId = customer("Payer").get("Id").asString();
        JsonNode inv = invoice(customerId, "P-1", "380.00");
        String invId = inv.get("Id").asString();

        Reply pay = post("/payment", "{\"CustomerRef\":{\"value\":\"" + customerId + "\"},\"TotalAmt\":400.00,"
                + "\"Line\":[{\"Amount\":300.00,\"LinkedTxn\":[{\"TxnId\":\"" + invId + "\",\"TxnType\":\"Invoice\"}]}]}");
        JsonNode p = pay.body().get("Payment");
        assertThat(p.get("UnappliedAmt").decimalValue()).isEqualByComparingTo("100");
        assertThat(get("/invoice/" + invId).body().get("Invoice").get("Balance").decimalValue()).isEqualByComparingTo("80");

        Reply voided = post("/payment?operation=update&include=void",
                "{\"Id\":\"" + p.get("Id").asString() + "\",\"SyncToken\":\"0\",\"sparse\":true}");
        assertThat(voided.body().get("Payment").get("TotalAmt").decimalValue()).isEqualByComparingTo("0");
        assertThat(voided.body().get("Payment").get("PrivateNote").asString()).contains("Voided");
        assertThat(get("/invoice/" + invId).body().get("Invoice").get("Balance").decimalValue()).isEqualByComparingTo("380");
    }

    @Test
    void shouldVoidAndDeleteInvoicesButRefuseToDeleteNameLists() {
        String customerId = customer("Voider").get("Id").asString();
        JsonNode a = invoice(customerId, "V-1", "50");
        JsonNode b = invoice(customerId, "V-2", "60");

        JsonNode voided = post("/invoice?operation=void", "{\"Id\":\"" + a.get("Id").asString() + "\",\"SyncToken\":\"0\"}")
                .body().get("Invoice");
        assertThat(voided.get("TotalAmt").decimalValue()).isEqualByComparingTo("0");
        assertThat(voided.get("PrivateNote").asString()).contains("Voided");

        Reply deleted = post("/invoice?operation=delete", "{\"Id\":\"" + b.get("Id").asString() + "\",\"SyncToken\":\"0\"}");
        assertThat(deleted.body().get("Invoice").get("status").asString()).isEqualTo("Deleted");
        assertThat(get("/invoice/" + b.get("Id").asString()).code()).isEqualTo("610");

        assertThat(post("/customer?operation=delete", "{\"Id\":\"" + customerId + "\",\"SyncToken\":\"0\"}").status()).isEqualTo(400);
    }

    @Test
    void shouldAcceptADuplicateDocNumberWhenTheRealmsPreferenceAllowsIt() {
        String customerId = customer("Twice Billed").get("Id").asString();
        invoice(customerId, "CP-7", "10");
        assertThat(post("/invoice", invoiceJson(customerId, "CP-7", "10")).code()).isEqualTo("6140");

        assertThat(faults("{\"duplicateDocNumbers\":\"ALLOW\"}").get("duplicateDocNumbers").asString()).isEqualTo("ALLOW");
        Reply second = post("/invoice", invoiceJson(customerId, "CP-7", "10"));

        assertThat(second.status()).as(second.raw()).isEqualTo(200);
        assertThat(query("select * from Invoice where DocNumber = 'CP-7'").body().path("QueryResponse").path("Invoice")).hasSize(2);
    }
}
