package com.cpsync.outbound.domain.invoices;

import org.junit.jupiter.api.Test;

import com.cpsync.outbound.domain.centerpoint.ServiceInvoice;
import com.cpsync.outbound.domain.settings.OutboundSettings.InvoiceLineMode;

import static com.cpsync.outbound.domain.invoices.InvoiceFixtures.anInvoice;
import static com.cpsync.outbound.domain.invoices.InvoiceFixtures.line;
import static com.cpsync.outbound.domain.invoices.InvoiceFixtures.lineSettings;
import static org.assertj.core.api.Assertions.assertThat;

/** Money never differs silently: a refusal with both figures, or every adjustment named. */
class InvoiceLinesTest {

    @Test
    void shouldRefuseLinesThatDoNotAddUpToTheTotalNamingBothFigures() {
        InvoiceLines.Result result = InvoiceLines.build(anInvoice("500.00",
                line("Site work", "4", "95", "380.00")), lineSettings(InvoiceLineMode.MULTI_LINE, null));

        assertThat(result).isInstanceOf(InvoiceLines.Invalid.class);
        assertThat(((InvoiceLines.Invalid) result).reason()).contains("380.00").contains("500.00");
    }

    @Test
    void shouldBuildWithoutAdjustmentsWhenNothingChanges() {
        InvoiceLines.Built built = built(anInvoice("470.50",
                line("Site work", "4", "95", "380.00"), line("Valve", "1.5", "60.333", "90.50")),
                InvoiceLineMode.MULTI_LINE);

        assertThat(built.total()).isEqualByComparingTo("470.50");
        assertThat(built.adjustments()).isEmpty();
    }

    @Test
    void shouldNameALineAmountRoundedToTheCent() {
        InvoiceLines.Built built = built(anInvoice("10.01", line("Fee", null, null, "10.005")),
                InvoiceLineMode.MULTI_LINE);

        assertThat(built.adjustments()).containsExactly("line 1 amount 10.005 rounded to 10.01");
    }

    @Test
    void shouldNameATotalRoundedToTheCentInSingleLineMode() {
        InvoiceLines.Built built = built(anInvoice("99.995"), InvoiceLineMode.SINGLE_LINE);

        assertThat(built.total()).isEqualByComparingTo("100.00");
        assertThat(built.adjustments()).containsExactly("total 99.995 rounded to 100.00");
    }

    @Test
    void shouldNameALineRewrittenAsOneTimesItsAmount() {
        InvoiceLines.Built built = built(anInvoice("45.00", line("Parts", "2", "20", "45.00")),
                InvoiceLineMode.MULTI_LINE);

        assertThat(built.lines().get(0).qty()).isEqualByComparingTo("1");
        assertThat(built.adjustments()).containsExactly("line 1 sent as 1 x 45.00: its amount is not 2 x 20 = 40.00");
    }

    @Test
    void shouldNameADescriptionCutToQbosLimit() {
        InvoiceLines.Built built = built(anInvoice("5.00", line("x".repeat(4001), "1", "5", "5.00")),
                InvoiceLineMode.MULTI_LINE);

        assertThat(built.lines().get(0).description()).hasSize(4000);
        assertThat(built.adjustments()).containsExactly("line 1 description cut to 4000 characters");
    }

    private static InvoiceLines.Built built(ServiceInvoice invoice, InvoiceLineMode mode) {
        InvoiceLines.Result result = InvoiceLines.build(invoice, lineSettings(mode, null));
        assertThat(result).isInstanceOf(InvoiceLines.Built.class);
        return (InvoiceLines.Built) result;
    }
}
