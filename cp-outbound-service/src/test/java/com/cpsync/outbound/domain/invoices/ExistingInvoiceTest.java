package com.cpsync.outbound.domain.invoices;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExistingInvoiceTest {

    private static final BigDecimal TOTAL = new BigDecimal("380.00");

    @Test
    void shouldKeepOnlyTheExactNumberForTheCustomer() {
        List<InvoiceInQbo> found = List.of(invoice("1", "INV-7", "58", "380"), invoice("2", "inv-7", "58", "380"),
                invoice("3", "INV-7", "59", "380"), invoice("4", "INV-77", "58", "380"));

        assertThat(ExistingInvoice.sameNumberAndCustomer(found, "INV-7", "58")).extracting(InvoiceInQbo::id)
                .containsExactly("1");
    }

    @Test
    void shouldCreateWhenNothingIsThere() {
        assertThat(ExistingInvoice.decide(List.of(), "INV-7", TOTAL)).isEqualTo(new ExistingInvoice.Create());
    }

    @Test
    void shouldLinkTheOneWithTheSameTotal() {
        ExistingInvoice.Decision decision = ExistingInvoice.decide(List.of(invoice("12", "INV-7", "58", "380.0")),
                "INV-7", TOTAL);

        assertThat(decision).isInstanceOfSatisfying(ExistingInvoice.Link.class, link -> {
            assertThat(link.qboId()).isEqualTo("12");
            assertThat(link.reason()).contains("QBO invoice 12 with DocNumber INV-7", "linked, not created again");
        });
    }

    @Test
    void shouldHoldAnotherTotalAsAConflictWithBothFigures() {
        ExistingInvoice.Decision decision = ExistingInvoice.decide(List.of(invoice("12", "INV-7", "58", "500.00")),
                "INV-7", TOTAL);

        assertThat(decision).isEqualTo(new ExistingInvoice.Conflict("QBO already holds DocNumber INV-7 for this"
                + " customer with another total: invoice 12 (total 500.00); this invoice totals 380.00; not linked"
                + " and not created again"));
    }

    @Test
    void shouldNotGuessBetweenTwoWithTheSameTotal() {
        ExistingInvoice.Decision decision = ExistingInvoice.decide(List.of(invoice("12", "INV-7", "58", "380"),
                invoice("13", "INV-7", "58", "380")), "INV-7", TOTAL);

        assertThat(decision).isInstanceOfSatisfying(ExistingInvoice.Conflict.class, conflict ->
                assertThat(conflict.reason()).startsWith("ambiguous: QBO holds DocNumber INV-7 for this customer 2 times"));
    }

    private static InvoiceInQbo invoice(String id, String docNumber, String customerId, String total) {
        return new InvoiceInQbo(id, docNumber, customerId, new BigDecimal(total));
    }
}
