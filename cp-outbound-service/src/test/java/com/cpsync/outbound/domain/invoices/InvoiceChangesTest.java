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
import tools.jackson.databind.node.ObjectNode;

class InvoiceChangesTest {

    private static final OutboundSettings MULTI = lineSettings(InvoiceLineMode.MULTI_LINE, "12");

    @Test
    void shouldFindNothingWhenOnlyTheScaleOfANumberDiffers() {
        ServiceInvoice before = anInvoice("380", line("Work", "4", "95", "380"));
        ServiceInvoice after = anInvoice("380.00", line("Work", "4.0", "95.00", "380.00"));

        InvoiceChanges changes = InvoiceChanges.between(before, after);

        assertThat(changes.isEmpty()).isTrue();
        assertThat(InvoicePayloads.sparseUpdate("129", "2", after, changes, MULTI))
                .isEqualTo(new InvoiceMapping.Unchanged());
    }

    @Test
    void shouldSendTheWholeLineArrayWhenTheAmountChanged() {
        ServiceInvoice before = anInvoice("380", line("Work", "4", "95", "380"));
        ServiceInvoice after = anInvoice("475", line("Work", "5", "95", "475"));

        InvoiceChanges changes = InvoiceChanges.between(before, after);
        InvoiceMapping update = InvoicePayloads.sparseUpdate("129", "2", after, changes, MULTI);

        assertThat(changes).isEqualTo(new InvoiceChanges(false, true));
        ObjectNode body = ((InvoiceMapping.Mapped) update).body();
        assertThat(body.path("Id").asString()).isEqualTo("129");
        assertThat(body.path("SyncToken").asString()).isEqualTo("2");
        assertThat(body.path("sparse").asBoolean()).isTrue();
        assertThat(body.has("TxnDate")).isFalse();
        assertThat(body.path("Line")).hasSize(1);
        assertThat(body.path("Line").get(0).path("Amount").toString()).isEqualTo("475.00");
        assertThat(((InvoiceMapping.Mapped) update).total()).isEqualByComparingTo("475.00");
    }

    @Test
    void shouldSendOnlyTheDatesWhenOnlyTheDueDateChanged() {
        ServiceInvoice before = anInvoice("380", line("Work", "4", "95", "380"));
        ServiceInvoice after = withDueDate(before, LocalDate.of(2027, 1, 15));

        InvoiceMapping update = InvoicePayloads.sparseUpdate("129", "2", after,
                InvoiceChanges.between(before, after), MULTI);

        assertThat(((InvoiceMapping.Mapped) update).body().toString()).isEqualTo(
                "{\"Id\":\"129\",\"SyncToken\":\"2\",\"sparse\":true,\"TxnDate\":\"2026-11-20\",\"DueDate\":\"2027-01-15\"}");
    }

    @Test
    void shouldRejectAnUpdateWhoseNewLinesCannotGoToQbo() {
        ServiceInvoice before = anInvoice("380", line("Work", "4", "95", "380"));
        ServiceInvoice after = anInvoice("380", line("Work", "-4", "95", "380"));

        assertThat(InvoicePayloads.sparseUpdate("129", "2", after, InvoiceChanges.between(before, after), MULTI))
                .isInstanceOf(InvoiceMapping.Rejected.class);
    }

    @Test
    void shouldCompareAgainstTheInvoiceAsReadFromQbo() {
        ServiceInvoice invoice = anInvoice("470.50", line("Work", "4", "95", "380"), line("Valve", "1", "90.5", "90.5"));
        ObjectNode qbo = ((InvoiceMapping.Mapped) InvoicePayloads.create(invoice, "58", MULTI)).body();
        qbo.withArray("Line").addObject().put("DetailType", "SubTotalLineDetail").put("Amount", 470.5);

        assertThat(InvoiceChanges.against(qbo, invoice, MULTI).isEmpty()).isTrue();

        ServiceInvoice changed = anInvoice("475", line("Work", "5", "95", "475"));
        assertThat(InvoiceChanges.against(qbo, changed, MULTI)).isEqualTo(new InvoiceChanges(false, true));
    }
}
