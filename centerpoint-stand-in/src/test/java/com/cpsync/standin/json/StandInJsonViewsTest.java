package com.cpsync.standin.json;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static com.cpsync.standin.StandInFixtures.aCommand;
import static com.cpsync.standin.StandInFixtures.aPayment;
import static org.assertj.core.api.Assertions.assertThat;

class StandInJsonViewsTest {

    @Test
    @SuppressWarnings("unchecked")
    void shouldShowACommandWithItsTypeIsoDatesAndEnumNames() {
        Map<String, Object> json = StandInJsonViews.command(aCommand("cmd-1", "tenant-1", aPayment("77", "130", "50.00")));

        assertThat(json).containsEntry("commandId", "cmd-1")
                .containsEntry("type", "UpsertInvoicePayment")
                .containsEntry("occurredAt", "2026-03-01T10:00:00Z");
        Map<String, Object> payload = (Map<String, Object>) json.get("payload");
        assertThat(payload).containsEntry("txnDate", "2026-03-05").containsEntry("totalAmount", "50.00")
                .containsEntry("voided", false).containsEntry("paymentRefNum", null);
        List<Map<String, Object>> applications = (List<Map<String, Object>>) payload.get("applications");
        assertThat(applications).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("invoiceKind", "PROJECT_INVOICE").containsEntry("amount", "50.00"));
    }
}
