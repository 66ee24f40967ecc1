package com.cpsync.outbound.domain.invoices;

import static com.cpsync.outbound.domain.invoices.InvoiceFixtures.anInvoice;
import static com.cpsync.outbound.domain.invoices.InvoiceFixtures.line;
import static com.cpsync.outbound.domain.invoices.InvoiceFixtures.lineSettings;
import static com.cpsync.outbound.domain.invoices.InvoiceFixtures.withDueDate;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.cpsync.outbound.domain.centerpoint.InvoiceLine;
import com.cpsync.outbound.domain.centerpoint.ServiceInvoice;
import com.cpsync.outbound.domain.settings.OutboundSettings;
import com.cpsync.outbound.domain.settings.OutboundSettings.InvoiceLineMode;

/** The invoice fields and lines we write; the scale of each number is what QBO receives as JSON. */
class InvoiceMappingTest {

    private static final OutboundSettings SINGLE = lineSettings(InvoiceLineMode.SINGLE_LINE, null);
    private static final OutboundSettings MULTI = lineSettings(InvoiceLineMode.MULTI_LINE, null);

    @Test
    void shouldWriteASingleLineInvoiceForTheTotalWithTheDefaultItem() {
        ServiceInvoice invoice = anInvoice("380", line("4h site work", "4", "95", "380"));

        InvoiceMapping mapping = InvoiceMapping.forCreate(invoice, "58", SINGLE);

        assertThat(fields(mapping)).isEqualTo(new InvoiceFields("58", "SI-1042", LocalDate.of(2026, 11, 20),
                LocalDate.of(2026, 12, 20), List.of(new QboLine("1", "Service invoice SI-1042", BigDecimal.ONE,
                        new BigDecimal("380.00"), new BigDecimal("380.00")))));
        assertThat(((InvoiceMapping.Mapped) mapping).total()).isEqualByComparingTo("380.00");
    }

    @Test
    void shouldUseTheTenantsItemAndRoundTheTotalToTheCent() {
        ServiceInvoice invoice = anInvoice("99.995");
        OutboundSettings item12 = lineSettings(InvoiceLineMode.SINGLE_LINE, "12");

        QboLine line = onlyLine(InvoiceMapping.forCreate(invoice, "58", item12));

        assertThat(line.amount().toPlainString()).isEqualTo("100.00");
        assertThat(line.itemId()).isEqualTo("12");
    }

    @Test
    void shouldWriteOneQboLinePerCenterpointLine() {
        ServiceInvoice invoice = anInvoice("470.50",
                line("4h site work", "4", "95", "380.00"),
                line("Valve", "1.5", "60.333", "90.50"));
        OutboundSettings item12 = lineSettings(InvoiceLineMode.MULTI_LINE, "12");

        InvoiceMapping mapping = InvoiceMapping.forCreate(invoice, "58", item12);

        List<QboLine> lines = fields(mapping).lines();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo(new QboLine("12", "4h site work", new BigDecimal("4"),
                new BigDecimal("95.00"), new BigDecimal("380.00")));
        assertThat(lines.get(1).amount().toPlainString()).isEqualTo("90.50");
        assertThat(lines.get(1).qty().toPlainString()).isEqualTo("1.5");
        assertThat(lines.get(1).unitPrice().toPlainString()).isEqualTo("60.333");
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

        QboLine line = onlyLine(InvoiceMapping.forCreate(invoice, "58", MULTI));

        assertThat(line.qty().toPlainString()).isEqualTo(expectedQty);
        assertThat(line.unitPrice().toPlainString()).isEqualTo(expectedPrice);
        assertThat(line.amount().toPlainString()).isEqualTo(expectedAmount);
        assertThat(line.qty().multiply(line.unitPrice()).setScale(2, RoundingMode.HALF_UP)).isEqualTo(line.amount());
    }

    @Test
    void shouldKeepTheOriginalQuantityAndPriceInTheDescriptionWhenTrustingTheAmount() {
        ServiceInvoice invoice = anInvoice("99.99", line("Labour", "3", "33.333", "99.99"));

        QboLine line = onlyLine(InvoiceMapping.forCreate(invoice, "58", MULTI));

        assertThat(line.description()).isEqualTo("Labour (3 x 33.333)");
    }

    @Test
    void shouldSendQtyOneForALineWithOnlyAnAmount() {
        ServiceInvoice invoice = anInvoice("25", line("Call-out fee", null, null, "25"));

        QboLine line = onlyLine(InvoiceMapping.forCreate(invoice, "58", MULTI));

        assertThat(line.qty().toPlainString()).isEqualTo("1");
        assertThat(line.unitPrice().toPlainString()).isEqualTo("25.00");
    }

    @Test
    void shouldRejectAMultiLineInvoiceWithoutLines() {
        assertThat(InvoiceMapping.forCreate(anInvoice("10"), "58", MULTI))
                .isEqualTo(new InvoiceMapping.Rejected("invoice SI-1042 has no lines (line mode MULTI_LINE)"));
    }

    @Test
    void shouldRejectANegativeQuantity() {
        ServiceInvoice invoice = anInvoice("10", line("ok", "1", "20", "20"), line("Refund", "-1", "10", "-10"));

        assertThat(InvoiceMapping.forCreate(invoice, "58", MULTI))
                .isEqualTo(new InvoiceMapping.Rejected("invoice SI-1042: line 2 has a negative quantity -1"));
    }

    @Test
    void shouldRejectANegativeTotal() {
        assertThat(InvoiceMapping.forCreate(anInvoice("-5"), "58", SINGLE))
                .isInstanceOf(InvoiceMapping.Rejected.class);
        ServiceInvoice discounted = anInvoice("-5", line("Discount", "1", "-5", "-5"));
        assertThat(InvoiceMapping.forCreate(discounted, "58", MULTI))
                .isInstanceOf(InvoiceMapping.Rejected.class);
    }

    @Test
    void shouldAcceptADiscountLineWhenTheTotalStaysPositive() {
        ServiceInvoice invoice = anInvoice("90", line("Work", "1", "100", "100"), line("Discount", "1", "-10", "-10"));

        InvoiceMapping mapping = InvoiceMapping.forCreate(invoice, "58", MULTI);

        assertThat(((InvoiceMapping.Mapped) mapping).total()).isEqualByComparingTo("90.00");
    }

    @Test
    void shouldRejectALineWithNothingToBill() {
        ServiceInvoice invoice = anInvoice("10", line("Note only", null, null, null));

        assertThat(InvoiceMapping.forCreate(invoice, "58", MULTI))
                .isEqualTo(new InvoiceMapping.Rejected(
                        "invoice SI-1042: line 1 has neither quantity and unit price nor an amount"));
    }

    @Test
    void shouldAcceptExactly750LinesAndRejectMore() {
        InvoiceLine one = line("Part", "1", "1", "1");

        InvoiceMapping at750 = InvoiceMapping.forCreate(anInvoice("750", lines(one, 750)), "58",
                MULTI);
        InvoiceMapping at751 = InvoiceMapping.forCreate(anInvoice("751", lines(one, 751)), "58",
                MULTI);

        assertThat(fields(at750).lines()).hasSize(750);
        assertThat(at751)
                .isEqualTo(new InvoiceMapping.Rejected("invoice SI-1042 has 751 lines; QBO accepts at most 750"));
    }

    @Test
    void shouldShortenALongDocNumberAndLeaveOutAMissingDueDate() {
        ServiceInvoice longNumber = InvoiceFixtures.withNumber(anInvoice("1"), "CP-SERVICE-INVOICE-2026-000123");
        ServiceInvoice invoice = withDueDate(longNumber, null);

        InvoiceFields fields = fields(InvoiceMapping.forCreate(invoice, "58",
                SINGLE));

        assertThat(fields.docNumber()).hasSize(21).endsWith("2026-000123");
        assertThat(fields.dueDate()).isNull();
    }

    @Test
    void shouldNameEveryAdjustmentOfTheTranslationForTheOutcome() {
        ServiceInvoice invoice = InvoiceFixtures.withNumber(anInvoice("10.005", line("parts", "1", "10.005",
                "10.005")), "CP-SERVICE-INVOICE-2026-000123");

        InvoiceMapping mapping = InvoiceMapping.forCreate(invoice, "58", MULTI);

        assertThat(((InvoiceMapping.Mapped) mapping).adjustments()).containsExactly(
                "line 1 amount 10.005 rounded to 10.01",
                "invoice number CP-SERVICE-INVOICE-2026-000123 (30 characters) sent as DocNumber "
                        + DocNumbers.of("CP-SERVICE-INVOICE-2026-000123") + " (QBO allows 21)");
        assertThat(((InvoiceMapping.Mapped) InvoiceMapping.forCreate(anInvoice("380.00", line("work", "4", "95",
                "380")), "58", MULTI)).adjustments()).isEmpty();
    }

    @Test
    void shouldRefuseLinesThatDoNotAddUpToTheTotalWithBothFigures() {
        ServiceInvoice invoice = anInvoice("500.00", line("site work", "4", "95", "380.00"),
                line("parts", "0", "10", "0"));

        assertThat(InvoiceMapping.forCreate(invoice, "58", MULTI)).isInstanceOfSatisfying(InvoiceMapping.Rejected.class,
                rejected -> assertThat(rejected.reason()).contains("add up to 380.00", "its total is 500.00"));
    }

    private static List<InvoiceLine> lines(InvoiceLine line, int count) {
        return Collections.nCopies(count, line);
    }

    private static InvoiceFields fields(InvoiceMapping mapping) {
        assertThat(mapping).isInstanceOf(InvoiceMapping.Mapped.class);
        return ((InvoiceMapping.Mapped) mapping).fields();
    }

    private static QboLine onlyLine(InvoiceMapping mapping) {
        assertThat(fields(mapping).lines()).hasSize(1);
        return fields(mapping).lines().get(0);
    }
}
