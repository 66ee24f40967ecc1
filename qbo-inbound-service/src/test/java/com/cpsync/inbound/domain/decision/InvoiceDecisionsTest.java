package com.cpsync.inbound.domain.decision;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.cpsync.inbound.domain.change.ChangeOperation;
import com.cpsync.inbound.domain.decision.Command.DeleteProjectInvoice;
import com.cpsync.inbound.domain.decision.Command.UpsertProjectInvoice;
import com.cpsync.inbound.domain.decision.Decision.EchoSuppressed;
import com.cpsync.inbound.domain.decision.Decision.SkippedBySettings;
import com.cpsync.inbound.domain.qbo.Line;
import com.cpsync.inbound.domain.qbo.QboInvoice;

import static org.assertj.core.api.Assertions.assertThat;

class InvoiceDecisionsTest {

    static QboInvoice invoice(boolean voided) {
        return new QboInvoice("130", "2", "61", null, "1042", LocalDate.parse("2026-11-20"), null,
                List.of(new Line("work", "4", "95.00", "380.00")), "380.00", "380.00", voided);
    }

    @TransactionSettingsTable
    void shouldFollowTheProjectInvoiceSettings(ChangeOperation operation, boolean imported, boolean getNew,
            boolean getChanges, boolean delete, Result result, Action action) {
        InboundSettings settings = new InboundSettings(false, false, getNew, getChanges, delete, false, false, false);
        QboInvoice state = operation == ChangeOperation.DELETE ? null : invoice(operation == ChangeOperation.VOID);
        InvoiceFacts facts = new InvoiceFacts(null, null, "p-1", imported);

        Decision decision = InvoiceDecisions.decide("130", operation, state, facts, settings);

        assertThat(decision.result()).isEqualTo(result);
        assertThat(decision.action()).isEqualTo(action);
        assertThat(decision.entity()).isEqualTo(SyncedEntity.PROJECT_INVOICE);
        if (result == Result.SYNCED && action == Action.DELETE) {
            assertThat(DecisionKinds.commandOf(decision)).isEqualTo(new DeleteProjectInvoice("p-1", "130"));
        }
        else if (result == Result.SYNCED) {
            UpsertProjectInvoice upsert = (UpsertProjectInvoice) DecisionKinds.commandOf(decision);
            assertThat(upsert.projectId()).isEqualTo("p-1");
            assertThat(upsert.total()).isEqualTo("380.00");
            assertThat(upsert.voided()).isEqualTo(action == Action.VOID);
        }
        else {
            assertThat(decision).isInstanceOf(SkippedBySettings.class);
        }
    }

    @Test
    void shouldSkipInvoicesThatAreNotOnASyncedProject() {
        Decision decision = InvoiceDecisions.decide("131", ChangeOperation.CREATE, invoice(false),
                new InvoiceFacts(null, null, null, false), InboundSettingsFixtures.all());

        assertThat(decision).isInstanceOf(SkippedBySettings.class);
        assertThat(decision.reason()).contains("not a synced project");
    }

    @Test
    void shouldSuppressTheEchoOfOurOwnServiceInvoice() {
        Decision echo = InvoiceDecisions.decide("132", ChangeOperation.UPDATE, invoice(false),
                new InvoiceFacts("si-1", "2", null, false), InboundSettingsFixtures.all());
        Decision userEdit = InvoiceDecisions.decide("132", ChangeOperation.UPDATE, invoice(false),
                new InvoiceFacts("si-1", "1", null, false), InboundSettingsFixtures.all());

        assertThat(echo).isEqualTo(new EchoSuppressed(SyncedEntity.SERVICE_INVOICE, "si-1", "132", "2"));
        assertThat(userEdit).isInstanceOf(SkippedBySettings.class);
        assertThat(userEdit.entity()).isEqualTo(SyncedEntity.SERVICE_INVOICE);
    }
}
