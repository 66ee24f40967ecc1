package com.cpsync.outbound.domain.invoices;

import static com.cpsync.outbound.domain.invoices.InvoiceFixtures.anInvoice;
import static com.cpsync.outbound.domain.invoices.InvoiceFixtures.line;
import static com.cpsync.outbound.domain.invoices.InvoiceFixtures.lineSettings;
import static com.cpsync.outbound.domain.invoices.InvoiceFixtures.withDueDate;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.cpsync.outbound.domain.centerpoint.ServiceInvoice;
import com.cpsync.outbound.domain.settings.OutboundSettings;
import com.cpsync.outbound.domain.settings.OutboundSettings.InvoiceLineMode;

class InvoiceChangesTest {

    private static final OutboundSettings MULTI = lineSettings(InvoiceLineMode.MULTI_LINE, "12");

    @Test
    void shouldFindNothingWhenOnlyTheScaleOfANumberDiffers() {
        ServiceInvoice before = anInvoice("380", line("Work", "4", "95", "380"));
        ServiceInvoice after = anInvoice("380.00", line("Work", "4.0", "95.00", "380.00"));

        InvoiceChanges changes = InvoiceChanges.between(before, after);

        assertThat(changes.isEmpty()).isTrue();
        assertThat(InvoiceMapping.forUpdate(after, changes, MULTI)).isEqualTo(new InvoiceMapping.Unchanged());
    }

    @Test
    void shouldSendTheWholeLineArrayWhenTheAmountChanged() {
        ServiceInvoice before = anInvoice("380", line("Work", "4", "95", "380"));
        ServiceInvoice after = anInvoice("475", line("Work", "5", "95", "475"));

        InvoiceChanges changes = InvoiceChanges.between(before, after);
        InvoiceMapping update = InvoiceMapping.forUpdate(after, changes, MULTI);

        assertThat(changes).isEqualTo(new InvoiceChanges(false, true));
        InvoiceFields fields = ((InvoiceMapping.Mapped) update).fields();
        assertThat(fields.customerId()).isNull();
        assertThat(fields.docNumber()).isNull();
        assertThat(fields.txnDate()).isNull();
        assertThat(fields.lines()).singleElement()
                .satisfies(line -> assertThat(line.amount().toPlainString()).isEqualTo("475.00"));
        assertThat(((InvoiceMapping.Mapped) update).total()).isEqualByComparingTo("475.00");
    }

    @Test
    void shouldSendOnlyTheDatesWhenOnlyTheDueDateChanged() {
        ServiceInvoice before = anInvoice("380", line("Work", "4", "95", "380"));
        ServiceInvoice after = withDueDate(before, LocalDate.of(2027, 1, 15));

        InvoiceMapping update = InvoiceMapping.forUpdate(after, InvoiceChanges.between(before, after), MULTI);

        assertThat(((InvoiceMapping.Mapped) update).fields()).isEqualTo(
                new InvoiceFields(null, null, LocalDate.of(2026, 11, 20), LocalDate.of(2027, 1, 15), null));
    }

    @Test
    void shouldRejectAnUpdateWhoseNewLinesCannotGoToQbo() {
        ServiceInvoice before = anInvoice("380", line("Work", "4", "95", "380"));
        ServiceInvoice after = anInvoice("380", line("Work", "-4", "95", "380"));

        assertThat(InvoiceMapping.forUpdate(after, InvoiceChanges.between(before, after), MULTI))
                .isInstanceOf(InvoiceMapping.Rejected.class);
    }

    @Test
    void shouldCompareAgainstTheInvoiceAsReadFromQbo() {
        ServiceInvoice invoice = anInvoice("470.50", line("Work", "4", "95", "380"), line("Valve", "1", "90.5", "90.5"));
        // as QBO stores what we sent (its SubTotalLineDetail line is dropped when the JSON is read)
        InvoiceFields qbo = ((InvoiceMapping.Mapped) InvoiceMapping.forCreate(invoice, "58", MULTI)).fields();

        assertThat(InvoiceChanges.against(qbo, invoice, MULTI).isEmpty()).isTrue();

        ServiceInvoice changed = anInvoice("475", line("Work", "5", "95", "475"));
        assertThat(InvoiceChanges.against(qbo, changed, MULTI)).isEqualTo(new InvoiceChanges(false, true));
    }
}
