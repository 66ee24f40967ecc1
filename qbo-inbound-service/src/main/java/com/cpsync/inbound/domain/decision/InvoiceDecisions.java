package com.cpsync.inbound.domain.decision;

import com.cpsync.inbound.domain.change.ChangeOperation;
import com.cpsync.inbound.domain.decision.Command.DeleteProjectInvoice;
import com.cpsync.inbound.domain.decision.Command.UpsertProjectInvoice;
import com.cpsync.inbound.domain.decision.Decision.EchoSuppressed;
import com.cpsync.inbound.domain.decision.Decision.SkippedBySettings;
import com.cpsync.inbound.domain.decision.Decision.Synced;
import com.cpsync.inbound.domain.qbo.QboInvoice;

/**
 * QBO Invoice → Centerpoint project invoice. Only invoices of synced projects land in Centerpoint;
 * one not imported before is new, an imported one is a change; a void keeps the invoice, marked voided.
 */
public final class InvoiceDecisions {

    private static final SyncedEntity PROJECT_INVOICE = SyncedEntity.PROJECT_INVOICE;

    private InvoiceDecisions() {
    }

    /** @param invoice the invoice's current state; null when it was deleted */
    public static Decision decide(String qboId, ChangeOperation operation, QboInvoice invoice, InvoiceFacts facts,
            InboundSettings settings) {
        if (facts.serviceInvoiceId() != null) {
            return serviceInvoice(qboId, invoice, facts);
        }
        if (operation == ChangeOperation.DELETE || invoice == null) {
            return delete(qboId, facts, settings);
        }
        if (facts.projectId() == null) {
            return new SkippedBySettings(PROJECT_INVOICE, Action.NONE, null, qboId,
                    "invoice's customer is not a synced project");
        }
        boolean voided = operation == ChangeOperation.VOID || invoice.voided();
        Action action = TransactionSwitches.upsertAction(voided, facts.imported());
        TransactionSwitches.Switch deciding = TransactionSwitches.projectInvoices(settings).forUpsert(facts.imported());
        if (!deciding.on()) {
            return new SkippedBySettings(PROJECT_INVOICE, action, facts.projectId(), qboId, deciding.offReason());
        }
        return new Synced(PROJECT_INVOICE, action, facts.projectId(), qboId,
                new UpsertProjectInvoice(facts.projectId(), qboId, invoice.docNumber(), invoice.txnDate(),
                        invoice.dueDate(), invoice.lines(), invoice.total(), invoice.balance(), voided));
    }

    private static Decision delete(String qboId, InvoiceFacts facts, InboundSettings settings) {
        if (facts.projectId() == null || !facts.imported()) {
            return new SkippedBySettings(PROJECT_INVOICE, Action.DELETE, null, qboId,
                    "deleted invoice was never synced to a project");
        }
        TransactionSwitches.Switch delete = TransactionSwitches.projectInvoices(settings).delete();
        if (!delete.on()) {
            return new SkippedBySettings(PROJECT_INVOICE, Action.DELETE, facts.projectId(), qboId, delete.offReason());
        }
        return new Synced(PROJECT_INVOICE, Action.DELETE, facts.projectId(), qboId,
                new DeleteProjectInvoice(facts.projectId(), qboId));
    }

    private static Decision serviceInvoice(String qboId, QboInvoice invoice, InvoiceFacts facts) {
        if (invoice != null && facts.ourSyncToken() != null && facts.ourSyncToken().equals(invoice.syncToken())) {
            return new EchoSuppressed(SyncedEntity.SERVICE_INVOICE, facts.serviceInvoiceId(), qboId, invoice.syncToken());
        }
        return new SkippedBySettings(SyncedEntity.SERVICE_INVOICE, Action.NONE, facts.serviceInvoiceId(), qboId,
                "service invoices flow from Centerpoint to QBO only");
    }
}
