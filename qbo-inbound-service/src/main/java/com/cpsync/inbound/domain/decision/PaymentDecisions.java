package com.cpsync.inbound.domain.decision;

import java.util.List;

import com.cpsync.inbound.domain.change.ChangeOperation;
import com.cpsync.inbound.domain.decision.Command.DeleteInvoicePayment;
import com.cpsync.inbound.domain.decision.Command.PaymentApplication;
import com.cpsync.inbound.domain.decision.Command.UpsertInvoicePayment;
import com.cpsync.inbound.domain.decision.Decision.SkippedBySettings;
import com.cpsync.inbound.domain.decision.Decision.Synced;
import com.cpsync.inbound.domain.qbo.QboPayment;

/**
 * QBO Payment → Centerpoint invoice payment. Only the parts applied to synced invoices count; a
 * deleted payment has no lines left, so "was it ours" comes from the record of what we emitted.
 */
public final class PaymentDecisions {

    private static final SyncedEntity PAYMENT = SyncedEntity.PAYMENT;

    private PaymentDecisions() {
    }

    /**
     * @param payment      the current state, null when deleted
     * @param applications the payment's applications to synced invoices (already resolved)
     * @param imported     whether we emitted this payment to Centerpoint before
     */
    public static Decision decide(String qboId, ChangeOperation operation, QboPayment payment,
            List<PaymentApplication> applications, boolean imported, InboundSettings settings) {
        if (operation == ChangeOperation.DELETE || payment == null) {
            if (!imported) {
                return new SkippedBySettings(PAYMENT, Action.DELETE, null, qboId, "deleted payment was never synced");
            }
            TransactionSwitches.Switch delete = TransactionSwitches.payments(settings).delete();
            if (!delete.on()) {
                return new SkippedBySettings(PAYMENT, Action.DELETE, qboId, qboId, delete.offReason());
            }
            return new Synced(PAYMENT, Action.DELETE, qboId, qboId, new DeleteInvoicePayment(qboId));
        }
        boolean voided = operation == ChangeOperation.VOID || payment.voided();
        if (applications.isEmpty() && !(voided && imported)) {
            return new SkippedBySettings(PAYMENT, Action.NONE, null, qboId, "payment is applied to no synced invoice");
        }
        Action action = TransactionSwitches.upsertAction(voided, imported);
        TransactionSwitches.Switch deciding = TransactionSwitches.payments(settings).forUpsert(imported);
        if (!deciding.on()) {
            return new SkippedBySettings(PAYMENT, action, imported ? qboId : null, qboId, deciding.offReason());
        }
        return new Synced(PAYMENT, action, qboId, qboId, new UpsertInvoicePayment(qboId, payment.txnDate(),
                payment.totalAmount(), payment.paymentRefNum(), List.copyOf(applications), voided));
    }
}
