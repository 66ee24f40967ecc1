package com.cpsync.outbound.application;

import java.util.ArrayList;
import java.util.List;

import com.cpsync.outbound.application.port.QboWrite;
import com.cpsync.outbound.domain.companies.CustomerNames;
import com.cpsync.outbound.domain.qbo.QboName;

/** Looks a name up in QBO's one name space: Customer, Vendor and Employee, active or not (error 6240). */
final class QboNames {

    private static final List<String> NAME_LISTS = List.of(QboWrite.CUSTOMER, "Vendor", "Employee");

    private QboNames() {
    }

    /** Every record whose name is like {@code name}, whatever its case or spacing (also longer names). */
    static List<QboName> like(TenantQbo qbo, String tenantId, String name) {
        List<QboName> found = new ArrayList<>();
        for (String list : NAME_LISTS) {
            found.addAll(qbo.findNamesLike(tenantId, list, CustomerNames.likePattern(name)));
        }
        return found;
    }
}
