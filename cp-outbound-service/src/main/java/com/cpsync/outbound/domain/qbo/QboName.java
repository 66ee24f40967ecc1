package com.cpsync.outbound.domain.qbo;

/**
 * A record of QBO's one name space (Customer, Vendor, Employee; inactive ones too) as a name lookup
 * found it. {@code job} marks a sub-customer, {@code parentId} its parent customer (null otherwise).
 */
public record QboName(String list, String id, String displayName, boolean active, boolean job, String syncToken,
        String parentId) {

    /** A record without a parent: a customer, vendor or employee. */
    public QboName(String list, String id, String displayName, boolean active, boolean job, String syncToken) {
        this(list, id, displayName, active, job, syncToken, null);
    }

    /** How outcome reasons name it, e.g. "QBO Vendor 56 'Roof Repair'" (mapping-service's wording). */
    public String describe() {
        String kind = job ? list + " (sub-customer)" : list;
        return "QBO " + kind + " " + id + " '" + displayName + "'";
    }
}
