package com.cpsync.inbound.domain.decision;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.cpsync.inbound.domain.change.ChangeOperation;
import com.cpsync.inbound.domain.decision.Command.DeleteInvoicePayment;
import com.cpsync.inbound.domain.decision.Command.InvoiceKind;
import com.cpsync.inbound.domain.decision.Command.PaymentApplication;
import com.cpsync.inbound.domain.decision.Command.UpsertInvoicePayment;
import com.cpsync.inbound.domain.decision.Decision.SkippedBySettings;
import com.cpsync.inbound.domain.qbo.QboPayment;
import com.cpsync.inbound.domain.qbo.QboPayment.AppliedAmount;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentDecisionsTest {

    static final List<PaymentApplication> TWO_INVOICES = List.of(
            new PaymentApplication(InvoiceKind.SERVICE_INVOICE, "si-1", "130", null, "100.00"),
            new PaymentApplication(InvoiceKind.PROJECT_INVOICE, null, "131", "p-1", "280.00"));

    static QboPayment payment(boolean voided) {
        return new QboPayment("140", "0", LocalDate.parse("2026-11-25"), "380.00", "CHK-7781",
                List.of(new AppliedAmount("130", "100.00"), new AppliedAmount("131", "280.00")), voided);
    }

    @TransactionSettingsTable
    void shouldFollowThePaymentSettings(ChangeOperation operation, boolean imported, boolean getNew,
            boolean getChanges, boolean delete, Result result, Action action) {
        InboundSettings settings = new InboundSettings(false, false, false, false, false, getNew, getChanges, delete);
        QboPayment state = operation == ChangeOperation.DELETE ? null : payment(operation == ChangeOperation.VOID);

        Decision decision = PaymentDecisions.decide("140", operation, state, TWO_INVOICES, imported, settings);

        assertThat(decision.result()).isEqualTo(result);
        assertThat(decision.action()).isEqualTo(action);
        if (result == Result.SYNCED && action == Action.DELETE) {
            assertThat(DecisionKinds.commandOf(decision)).isEqualTo(new DeleteInvoicePayment("140"));
        }
        else if (result == Result.SYNCED) {
            UpsertInvoicePayment upsert = (UpsertInvoicePayment) DecisionKinds.commandOf(decision);
            assertThat(upsert.applications()).extracting(PaymentApplication::amount).containsExactly("100.00", "280.00");
            assertThat(upsert.voided()).isEqualTo(action == Action.VOID);
        }
        else {
            assertThat(decision).isInstanceOf(SkippedBySettings.class);
        }
    }

    @Test
    void shouldSkipAPaymentAppliedToNoSyncedInvoice() {
        Decision decision = PaymentDecisions.decide("141", ChangeOperation.CREATE, payment(false), List.of(), false,
                InboundSettingsFixtures.all());

        assertThat(decision).isInstanceOf(SkippedBySettings.class);
        assertThat(decision.reason()).contains("no synced invoice");
    }
}
