package com.cpsync.console.domain.reconciliation;

/**
 * The tenant's sync settings that reconciliation needs (names and values as in design §4). A tenant without
 * settings syncs nothing: {@link #NONE}.
 */
public record BooksSettings(String companiesToQbo, String projectsToQbo, boolean sendProjectChanges,
        String serviceTicketsToQbo, boolean sendServiceTicketChanges, String serviceInvoicesToQbo,
        boolean sendServiceInvoiceChanges, boolean getNewCompaniesFromQbo, boolean getNewProjectInvoices,
        boolean getProjectInvoiceChanges, boolean deleteProjectInvoicesDeletedInQbo, boolean getNewPayments,
        boolean getPaymentChanges, boolean deletePaymentsDeletedInQbo, String nameConflictSuffix) {

    public static final BooksSettings NONE = new BooksSettings("NEVER", "NO", false, "NO", false, "NEVER", false,
            false, false, false, false, false, false, false, " (customer)");

    /** Whether the settings send changes of a record already in QBO (companies: always). */
    public boolean sendsChangesOf(BooksEntity entity) {
        return entity == BooksEntity.PROJECT ? sendProjectChanges
                : entity == BooksEntity.SERVICE_TICKET ? sendServiceTicketChanges
                : entity != BooksEntity.SERVICE_INVOICE || sendServiceInvoiceChanges;
    }

    /** Whether the settings take this kind of QBO record into Centerpoint. */
    public boolean takes(BooksEntity entity) {
        return entity == BooksEntity.COMPANY ? getNewCompaniesFromQbo
                : entity == BooksEntity.PROJECT_INVOICE ? getNewProjectInvoices
                : entity == BooksEntity.PAYMENT && getNewPayments;
    }

    /** Whether a change in QBO of a record Centerpoint already has is applied there. */
    public boolean takesChangesOf(BooksEntity entity) {
        return entity == BooksEntity.PROJECT_INVOICE ? getProjectInvoiceChanges
                : entity != BooksEntity.PAYMENT || getPaymentChanges;
    }

    /** Whether a deletion in QBO of this kind is applied in Centerpoint. */
    public boolean appliesDeletionsOf(BooksEntity entity) {
        return entity == BooksEntity.PROJECT_INVOICE ? deleteProjectInvoicesDeletedInQbo
                : entity == BooksEntity.PAYMENT && deletePaymentsDeletedInQbo;
    }
}
