package com.cpsync.deploy.chaos.workload;

/**
 * The invoice a QBO payment pays: a Centerpoint service invoice (by its Centerpoint id) synced to QBO,
 * or a project invoice made in QBO (by its token, with the project it belongs to).
 */
public record PaidInvoice(boolean serviceInvoice, String invoiceId, String projectId) {

    public static PaidInvoice serviceInvoice(String serviceInvoiceId) {
        return new PaidInvoice(true, serviceInvoiceId, null);
    }

    public static PaidInvoice projectInvoice(String qboInvoiceToken, String projectId) {
        return new PaidInvoice(false, qboInvoiceToken, projectId);
    }
}
