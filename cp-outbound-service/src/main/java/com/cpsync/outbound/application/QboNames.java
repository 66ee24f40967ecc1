package com.cpsync.outbound.application;

import java.util.List;

import com.cpsync.outbound.application.port.QboWrite;
import com.cpsync.outbound.domain.qbo.QboName;

/**
 * Looks a name up in QBO's one name space: Customer, Vendor and Employee, active or not (error 6240).
 * Each list is one metered read; the lookups find longer names too, so callers filter the hits.
 */
final class QboNames {

    private static final List<String> ALL_NAME_LISTS = List.of(QboWrite.CUSTOMER, "Vendor", "Employee");
    private static final List<String> OTHER_NAME_LISTS = List.of("Vendor", "Employee");

    private QboNames() {
    }

    /** Every record whose name is like {@code name}, whatever its case or spacing (also longer names). */
    static List<QboName> like(TenantQbo qbo, String tenantId, String name) {
        return qbo.findNamesLikeInEach(tenantId, ALL_NAME_LISTS, name);
    }

    /** Customers and sub-customers only: one read. */
    static List<QboName> customersLike(TenantQbo qbo, String tenantId, String name) {
        return qbo.findNamesLike(tenantId, QboWrite.CUSTOMER, name);
    }

    /** Vendors and employees: two reads. */
    static List<QboName> othersLike(TenantQbo qbo, String tenantId, String name) {
        return qbo.findNamesLikeInEach(tenantId, OTHER_NAME_LISTS, name);
    }
}
