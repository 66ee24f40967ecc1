package com.cpsync.outbound.domain.qbo;

/**
 * A record of QBO's one name space (Customer, Vendor, Employee; inactive ones too) as a name lookup
 * found it. {@code job} marks a sub-customer.
 */
public record QboName(String list, String id, String displayName, boolean active, boolean job, String syncToken) {

    /** How outcome reasons name it, e.g. "QBO Vendor 56 'Roof Repair'" (mapping-service's wording). */
    public String describe() {
        String kind = job ? list + " (sub-customer)" : list;
        return "QBO " + kind + " " + id + " '" + displayName + "'";
    }
}
