package com.cpsync.inbound.domain.decision;

/**
 * The three switches of a transaction that comes from QBO (project invoices, payments). Both follow one
 * rule: "get new" decides one we never emitted, "get changes" one we emitted before (voids included),
 * and "delete" a deletion.
 */
record TransactionSwitches(Switch getNew, Switch getChanges, Switch delete) {

    /** One setting, named as in SyncSettings so a skip says which switch was off. */
    record Switch(String name, boolean on) {

        String offReason() {
            return name + " is off";
        }
    }

    static TransactionSwitches projectInvoices(InboundSettings settings) {
        return new TransactionSwitches(new Switch("getNewProjectInvoices", settings.getNewProjectInvoices()),
                new Switch("getProjectInvoiceChanges", settings.getProjectInvoiceChanges()),
                new Switch("deleteProjectInvoicesDeletedInQbo", settings.deleteProjectInvoicesDeletedInQbo()));
    }

    static TransactionSwitches payments(InboundSettings settings) {
        return new TransactionSwitches(new Switch("getNewPayments", settings.getNewPayments()),
                new Switch("getPaymentChanges", settings.getPaymentChanges()),
                new Switch("deletePaymentsDeletedInQbo", settings.deletePaymentsDeletedInQbo()));
    }

    /** "New" means never emitted by us, so a transaction skipped while "get new" was off is still new. */
    Switch forUpsert(boolean imported) {
        return imported ? getChanges : getNew;
    }

    static Action upsertAction(boolean voided, boolean imported) {
        return voided ? Action.VOID : imported ? Action.UPDATE : Action.CREATE;
    }
}
