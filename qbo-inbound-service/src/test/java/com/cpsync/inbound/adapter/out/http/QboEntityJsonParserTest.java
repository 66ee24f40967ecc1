package com.cpsync.inbound.adapter.out.http;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.cpsync.inbound.config.QboJson;
import com.cpsync.inbound.domain.qbo.Line;
import com.cpsync.inbound.domain.qbo.QboCustomer;
import com.cpsync.inbound.domain.qbo.QboInvoice;
import com.cpsync.inbound.domain.qbo.QboPayment;
import com.cpsync.inbound.domain.qbo.QboPayment.AppliedAmount;

import static org.assertj.core.api.Assertions.assertThat;

class QboEntityJsonParserTest {

    private final QboEntityJsonParser parser = new QboEntityJsonParser(QboJson.mapper());

    @Test
    void shouldSumTheAmountAppliedToEachInvoicePerLine() {
        QboPayment payment = parser.payment("""
                {"Id":"140","SyncToken":"0","TxnDate":"2026-11-25","TotalAmt":380.10,"PaymentRefNum":"CHK-7781",
                 "Line":[{"Amount":100.10,"LinkedTxn":[{"TxnId":"130","TxnType":"Invoice"}]},
                         {"Amount":280.00,"LinkedTxn":[{"TxnId":"131","TxnType":"Invoice"}]},
                         {"Amount":5,"LinkedTxn":[{"TxnId":"9","TxnType":"CreditMemo"}]}]}
                """);

        assertThat(payment.totalAmount()).isEqualTo("380.10");
        assertThat(payment.txnDate()).isEqualTo(LocalDate.parse("2026-11-25"));
        assertThat(payment.appliedToInvoices()).containsExactly(new AppliedAmount("130", "100.10"),
                new AppliedAmount("131", "280.00"));
        assertThat(payment.voided()).isFalse();
    }

    @Test
    void shouldReadInvoiceLinesAndVoidMarker() {
        String json = """
                {"Id":"130","SyncToken":"3","CustomerRef":{"value":"61"},"ProjectRef":{"value":"62"},"DocNumber":"1042",
                 "TxnDate":"2026-11-20","DueDate":"2026-12-20","TotalAmt":0,"Balance":0,"PrivateNote":"Voided",
                 "Line":[{"DetailType":"SalesItemLineDetail","Amount":0,"Description":"4h site work",
                          "SalesItemLineDetail":{"ItemRef":{"value":"1"},"Qty":4,"UnitPrice":0}},
                         {"DetailType":"SubTotalLineDetail","Amount":0}],
                 "MetaData":{"CreateTime":"2026-11-20T09:00:00-08:00","LastUpdatedTime":"2026-11-20T10:00:00-08:00"}}
                """;
        QboInvoice invoice = parser.invoice(json);

        assertThat(invoice.customerId()).isEqualTo("61");
        assertThat(invoice.projectId()).isEqualTo("62");
        assertThat(invoice.voided()).isTrue();
        assertThat(invoice.lines()).containsExactly(new Line("4h site work", "4", "0.00", "0.00"));
        assertThat(invoice.dueDate()).isEqualTo(LocalDate.parse("2026-12-20"));
        assertThat(parser.syncToken(json)).isEqualTo("3");
        assertThat(parser.lastUpdated(json)).contains(Instant.parse("2026-11-20T18:00:00Z"));
    }

    @Test
    void shouldTellSubCustomersFromTopLevelCustomers() {
        assertThat(parser.customer("{\"Id\":\"61\",\"DisplayName\":\"Kitchen\",\"Job\":true,\"ParentRef\":{\"value\":\"58\"}}")
                .job()).isTrue();
        QboCustomer top = parser.customer("""
                {"Id":"58","SyncToken":"1","DisplayName":"Acme","PrimaryEmailAddr":{"Address":"ap@acme.com"},
                 "BillAddr":{"Line1":"1 Main","City":"Austin","CountrySubDivisionCode":"TX","PostalCode":"78701"}}
                """);
        assertThat(top.job()).isFalse();
        assertThat(top.billingAddress().city()).isEqualTo("Austin");
    }
}
