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
        switch (entity) {
            case PROJECT:
                return sendProjectChanges;
            case SERVICE_TICKET:
                return sendServiceTicketChanges;
            case SERVICE_INVOICE:
                return sendServiceInvoiceChanges;
            default:
                return true;
        }
    }

    /** Whether the settings take this kind of QBO record into Centerpoint. */
    public boolean takes(BooksEntity entity) {
        switch (entity) {
            case COMPANY:
                return getNewCompaniesFromQbo;
            case PROJECT_INVOICE:
                return getNewProjectInvoices;
            case PAYMENT:
                return getNewPayments;
            default:
                return false;
        }
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
