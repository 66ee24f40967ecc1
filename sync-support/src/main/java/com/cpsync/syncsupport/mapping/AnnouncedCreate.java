package com.cpsync.syncsupport.mapping;

/**
 * A create a sync service announced before sending it to QBO, so that a new QBO customer, job or invoice
 * whose create reply was lost is recognised as that Centerpoint record's copy, not imported as a new one.
 *
 * @param displayName a customer's or job's name, an invoice's DocNumber
 * @param parentQboId the parent customer of a job, the customer of an invoice; null for a top-level customer
 */
public record AnnouncedCreate(LinkedEntity entity, String centerpointId, String tenantId, String displayName,
        String parentQboId) {

    /** Whether a QBO customer with this name and parent (null: top-level) is this create's copy. */
    public boolean describes(String qboDisplayName, String qboParentId) {
        return displayName.equals(qboDisplayName)
                && (parentQboId == null ? qboParentId == null : parentQboId.equals(qboParentId));
    }
}
