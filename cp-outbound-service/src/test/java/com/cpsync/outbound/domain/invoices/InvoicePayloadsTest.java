package com.cpsync.outbound.domain.invoices;

import static com.cpsync.outbound.domain.invoices.InvoiceFixtures.anInvoice;
import static com.cpsync.outbound.domain.invoices.InvoiceFixtures.line;
import static com.cpsync.outbound.domain.invoices.InvoiceFixtures.lineSettings;
import static com.cpsync.outbound.domain.invoices.InvoiceFixtures.withDueDate;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.cpsync.outbound.domain.centerpoint.InvoiceLine;
import com.cpsync.outbound.domain.centerpoint.ServiceInvoice;
import com.cpsync.outbound.domain.settings.OutboundSettings.InvoiceLineMode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class InvoicePayloadsTest {

    @Test
    void shouldWriteASingleLineInvoiceForTheTotalWithTheDefaultItem() {
        ServiceInvoice invoice = anInvoice("380", line("4h site work", "4", "95", "380"));

        InvoiceMapping mapping = InvoicePayloads.create(invoice, "58", lineSettings(InvoiceLineMode.SINGLE_LINE, null));

        assertThat(body(mapping).toString()).isEqualTo("{\"CustomerRef\":{\"value\":\"58\"},\"DocNumber\":\"SI-1042\","
                + "\"TxnDate\":\"2026-11-20\",\"DueDate\":\"2026-12-20\",\"Line\":[{\"DetailType\":\"SalesItemLineDetail\","
                + "\"Amount\":380.00,\"Description\":\"Service invoice SI-1042\",\"SalesItemLineDetail\":"
                + "{\"ItemRef\":{\"value\":\"1\"},\"Qty\":1,\"UnitPrice\":380.00}}]}");
        assertThat(((InvoiceMapping.Mapped) mapping).total()).isEqualByComparingTo("380.00");
    }

    @Test
    void shouldUseTheTenantsItemAndRoundTheTotalToTheCent() {
        ServiceInvoice invoice = anInvoice("99.995");

        JsonNode line = body(InvoicePayloads.create(invoice, "58", lineSettings(InvoiceLineMode.SINGLE_LINE, "12")))
                .path("Line").get(0);

        assertThat(line.path("Amount").toString()).isEqualTo("100.00");
        assertThat(line.path("SalesItemLineDetail").path("ItemRef").path("value").asString()).isEqualTo("12");
    }

    @Test
    void shouldWriteOneQboLinePerCenterpointLine() {
        ServiceInvoice invoice = anInvoice("470.50",
                line("4h site work", "4", "95", "380.00"),
                line("Valve", "1.5", "60.333", "90.50"));

        InvoiceMapping mapping = InvoicePayloads.create(invoice, "58", lineSettings(InvoiceLineMode.MULTI_LINE, "12"));

        JsonNode lines = body(mapping).path("Line");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).toString()).isEqualTo("{\"DetailType\":\"SalesItemLineDetail\",\"Amount\":380.00,"
                + "\"Description\":\"4h site work\",\"SalesItemLineDetail\":{\"ItemRef\":{\"value\":\"12\"},"
                + "\"Qty\":4,\"UnitPrice\":95.00}}");
        assertThat(lines.get(1).path("Amount").toString()).isEqualTo("90.50");
        assertThat(lines.get(1).path("SalesItemLineDetail").path("Qty").toString()).isEqualTo("1.5");
        assertThat(lines.get(1).path("SalesItemLineDetail").path("UnitPrice").toString()).isEqualTo("60.333");
        assertThat(((InvoiceMapping.Mapped) mapping).total()).isEqualByComparingTo("470.50");
    }

    @ParameterizedTest(name = "{0} x {1} (Centerpoint amount {2}) -> Qty {3} x {4} = {5}")
    @CsvSource({
            "3,   33.333, 100.00, 3,   33.333, 100.00",
            "3,   33.333,       , 3,   33.333, 100.00",
            "2,   0.005,  0.01,   2,   0.005,  0.01",
            "0.5, 10,     5,      0.5, 10.00,  5.00",
            "3,   33.333, 99.99,  1,   99.99,  99.99",
            "0,   50,     0,      0,   50.00,  0.00",
    })
    void shouldMakeEveryAmountEqualQtyTimesUnitPriceToTheCent(String qty, String price, String amount,
            String expectedQty, String expectedPrice, String expectedAmount) {
        ServiceInvoice invoice = anInvoice(expectedAmount, line("Work", qty, price, amount));

        JsonNode line = body(InvoicePayloads.create(invoice, "58", lineSettings(InvoiceLineMode.MULTI_LINE, null)))
                .path("Line").get(0);

        JsonNode detail = line.path("SalesItemLineDetail");
        assertThat(detail.path("Qty").toString()).isEqualTo(expectedQty);
        assertThat(detail.path("UnitPrice").toString()).isEqualTo(expectedPrice);
        assertThat(line.path("Amount").toString()).isEqualTo(expectedAmount);
        BigDecimal product = detail.path("Qty").decimalValue().multiply(detail.path("UnitPrice").decimalValue());
        assertThat(product.setScale(2, java.math.RoundingMode.HALF_UP)).isEqualTo(line.path("Amount").decimalValue());
    }

    @Test
    void shouldKeepTheOriginalQuantityAndPriceInTheDescriptionWhenTrustingTheAmount() {
        ServiceInvoice invoice = anInvoice("99.99", line("Labour", "3", "33.333", "99.99"));

        JsonNode line = body(InvoicePayloads.create(invoice, "58", lineSettings(InvoiceLineMode.MULTI_LINE, null)))
                .path("Line").get(0);

        assertThat(line.path("Description").asString()).isEqualTo("Labour (3 x 33.333)");
    }

    @Test
    void shouldSendQtyOneForALineWithOnlyAnAmount() {
        ServiceInvoice invoice = anInvoice("25", line("Call-out fee", null, null, "25"));

        JsonNode detail = body(InvoicePayloads.create(invoice, "58", lineSettings(InvoiceLineMode.MULTI_LINE, null)))
                .path("Line").get(0).path("SalesItemLineDetail");

        assertThat(detail.path("Qty").toString()).isEqualTo("1");
        assertThat(detail.path("UnitPrice").toString()).isEqualTo("25.00");
    }

    @Test
    void shouldRejectAMultiLineInvoiceWithoutLines() {
        assertThat(InvoicePayloads.create(anInvoice("10"), "58", lineSettings(InvoiceLineMode.MULTI_LINE, null)))
                .isEqualTo(new InvoiceMapping.Rejected("invoice SI-1042 has no lines (line mode MULTI_LINE)"));
    }

    @Test
    void shouldRejectANegativeQuantity() {
        ServiceInvoice invoice = anInvoice("10", line("ok", "1", "20", "20"), line("Refund", "-1", "10", "-10"));

        assertThat(InvoicePayloads.create(invoice, "58", lineSettings(InvoiceLineMode.MULTI_LINE, null)))
                .isEqualTo(new InvoiceMapping.Rejected("invoice SI-1042: line 2 has a negative quantity -1"));
    }

    @Test
    void shouldRejectANegativeTotal() {
        assertThat(InvoicePayloads.create(anInvoice("-5"), "58", lineSettings(InvoiceLineMode.SINGLE_LINE, null)))
                .isInstanceOf(InvoiceMapping.Rejected.class);
        ServiceInvoice discounted = anInvoice("-5", line("Discount", "1", "-5", "-5"));
        assertThat(InvoicePayloads.create(discounted, "58", lineSettings(InvoiceLineMode.MULTI_LINE, null)))
                .isInstanceOf(InvoiceMapping.Rejected.class);
    }

    @Test
    void shouldAcceptADiscountLineWhenTheTotalStaysPositive() {
        ServiceInvoice invoice = anInvoice("90", line("Work", "1", "100", "100"), line("Discount", "1", "-10", "-10"));

        InvoiceMapping mapping = InvoicePayloads.create(invoice, "58", lineSettings(InvoiceLineMode.MULTI_LINE, null));

        assertThat(((InvoiceMapping.Mapped) mapping).total()).isEqualByComparingTo("90.00");
    }

    @Test
    void shouldRejectALineWithNothingToBill() {
        ServiceInvoice invoice = anInvoice("10", line("Note only", null, null, null));

        assertThat(InvoicePayloads.create(invoice, "58", lineSettings(InvoiceLineMode.MULTI_LINE, null)))
                .isEqualTo(new InvoiceMapping.Rejected(
                        "invoice SI-1042: line 1 has neither quantity and unit price nor an amount"));
    }

    @Test
    void shouldAcceptExactly750LinesAndRejectMore() {
        InvoiceLine one = line("Part", "1", "1", "1");

        InvoiceMapping at750 = InvoicePayloads.create(anInvoice("750", lines(one, 750)), "58",
                lineSettings(InvoiceLineMode.MULTI_LINE, null));
        InvoiceMapping at751 = InvoicePayloads.create(anInvoice("751", lines(one, 751)), "58",
                lineSettings(InvoiceLineMode.MULTI_LINE, null));

        assertThat(body(at750).path("Line")).hasSize(750);
        assertThat(at751).isEqualTo(new InvoiceMapping.Rejected("invoice SI-1042 has 751 lines; QBO accepts at most 750"));
    }

    @Test
    void shouldShortenALongDocNumberAndLeaveOutAMissingDueDate() {
        ServiceInvoice invoice = withDueDate(InvoiceFixtures.withNumber(anInvoice("1"), "CP-SERVICE-INVOICE-2026-000123"),
                null);

        InvoiceMapping mapping = InvoicePayloads.create(invoice, "58", lineSettings(InvoiceLineMode.SINGLE_LINE, null));

        assertThat(((InvoiceMapping.Mapped) mapping).docNumber()).hasSize(21).endsWith("2026-000123");
        assertThat(body(mapping).path("DocNumber").asString()).isEqualTo(((InvoiceMapping.Mapped) mapping).docNumber());
        assertThat(body(mapping).has("DueDate")).isFalse();
    }

    private static List<InvoiceLine> lines(InvoiceLine line, int count) {
        return Collections.nCopies(count, line);
    }

    private static ObjectNode body(InvoiceMapping mapping) {
        assertThat(mapping).isInstanceOf(InvoiceMapping.Mapped.class);
        return ((InvoiceMapping.Mapped) mapping).body();
    }
}
