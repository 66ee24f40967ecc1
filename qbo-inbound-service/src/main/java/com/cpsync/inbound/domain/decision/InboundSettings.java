package com.cpsync.inbound.domain.decision;

/** The tenant's settings that govern QBO → Centerpoint (DESIGN.md §4). */
public record InboundSettings(
        boolean getNewCompaniesFromQbo,
        boolean getCompanyChangesFromQbo,
        boolean getNewProjectInvoices,
        boolean getProjectInvoiceChanges,
        boolean deleteProjectInvoicesDeletedInQbo,
        boolean getNewPayments,
        boolean getPaymentChanges,
        boolean deletePaymentsDeletedInQbo) {

    /** Everything off: what a tenant without a settings record gets. */
    public static InboundSettings nothing() {
        return new InboundSettings(false, false, false, false, false, false, false, false);
    }

    public boolean anyCompanySetting() {
        return getNewCompaniesFromQbo || getCompanyChangesFromQbo;
    }

    public boolean anyProjectInvoiceSetting() {
        return getNewProjectInvoices || getProjectInvoiceChanges || deleteProjectInvoicesDeletedInQbo;
    }

    public boolean anyPaymentSetting() {
        return getNewPayments || getPaymentChanges || deletePaymentsDeletedInQbo;
    }
}
