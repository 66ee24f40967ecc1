package com.cpsync.inbound.domain.decision;

/**
 * What mapping-service knows about a QBO invoice.
 *
 * @param serviceInvoiceId the Centerpoint service invoice it is linked to (we wrote it), or null
 * @param ourSyncToken     the SyncToken of our last write of it, or null
 * @param projectId        the synced Centerpoint project it belongs to (by customer, ProjectRef or an
 *                         earlier import), or null
 * @param imported         whether we already emitted it to Centerpoint as a project invoice
 */
public record InvoiceFacts(String serviceInvoiceId, String ourSyncToken, String projectId, boolean imported) {
}
