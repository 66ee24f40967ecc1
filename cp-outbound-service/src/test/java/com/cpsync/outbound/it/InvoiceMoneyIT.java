package com.cpsync.outbound.it;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.cpsync.schemas.avro.CompaniesToQbo;
import com.cpsync.schemas.avro.CompanyCreated;
import com.cpsync.schemas.avro.InvoiceLine;
import com.cpsync.schemas.avro.InvoiceLineMode;
import com.cpsync.schemas.avro.ServiceInvoice;
import com.cpsync.schemas.avro.ServiceInvoiceCreated;
import com.cpsync.schemas.avro.ServiceInvoicesToQbo;
import com.cpsync.schemas.avro.SyncOutcome;
import com.cpsync.schemas.avro.SyncResult;

import static com.cpsync.outbound.it.ItFixtures.company;
import static org.assertj.core.api.Assertions.assertThat;

/** Money never differs silently (issue 8): refused with both figures, or synced with every adjustment named. */
class InvoiceMoneyIT extends OutboundItBase {

    @Test
    void shouldFailAnInvoiceWhoseLinesDoNotAddUpToItsTotalAndWriteNothing() {
        Tenant t = multiLineTenant();

        String created = publish(t, new ServiceInvoiceCreated(invoice("INV-500", "500.00",
                new InvoiceLine("site work", "3", "100.00", "300.00"), new InvoiceLine("parts", "4", "20.00", "80.00"))));

        SyncOutcome failed = awaitOutcome(t, created, "i1");
        assertThat(failed.getResult()).isEqualTo(SyncResult.FAILED);
        assertThat(failed.getReason()).contains("380.00", "500.00");
        assertThat(apps().entities(t.realm(), "Invoice")).isEmpty();
    }

    @Test
    void shouldNameTheRoundingAndTheShortenedNumberOfASyncedInvoice() {
        Tenant t = multiLineTenant();
        String number = "CP-2026-SERVICE-INVOICE-000123";

        String created = publish(t, new ServiceInvoiceCreated(invoice(number, "10.005",
                new InvoiceLine("parts", "1", "10.005", "10.005"))));

        SyncOutcome synced = awaitOutcome(t, created, "i1");
        assertThat(synced.getResult()).isEqualTo(SyncResult.SYNCED);
        assertThat(synced.getReason()).contains("line 1 amount 10.005 rounded to 10.01",
                "invoice number " + number + " (30 characters) sent as DocNumber");
        assertThat(apps().entities(t.realm(), "Invoice")).singleElement().satisfies(invoice -> {
            assertThat(invoice.path("TotalAmt").decimalValue()).isEqualByComparingTo("10.01");
            assertThat(synced.getReason()).contains(invoice.path("DocNumber").asString());
        });
    }

    private Tenant multiLineTenant() {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED, s -> s
                .setServiceInvoicesToQbo(ServiceInvoicesToQbo.WHEN_CREATED)
                .setInvoiceLineMode(InvoiceLineMode.MULTI_LINE));
        publish(t, new CompanyCreated(company("c1", "Money Matters Ltd")));
        return t;
    }

    private static ServiceInvoice invoice(String number, String total, InvoiceLine... lines) {
        return new ServiceInvoice("i1", "c1", "t9", number, LocalDate.of(2026, 11, 20), LocalDate.of(2026, 12, 20),
                List.of(lines), total);
    }
}
