package com.cpsync.inbound.domain.decision;

import java.util.Set;

/** Settings with exactly the named switches on. */
final class InboundSettingsFixtures {

    private InboundSettingsFixtures() {
    }

    static InboundSettings with(String... on) {
        Set<String> set = Set.of(on);
        return new InboundSettings(set.contains("getNewCompaniesFromQbo"), set.contains("getCompanyChangesFromQbo"),
                set.contains("getNewProjectInvoices"), set.contains("getProjectInvoiceChanges"),
                set.contains("deleteProjectInvoicesDeletedInQbo"), set.contains("getNewPayments"),
                set.contains("getPaymentChanges"), set.contains("deletePaymentsDeletedInQbo"));
    }

    static InboundSettings all() {
        return with("getNewCompaniesFromQbo", "getCompanyChangesFromQbo", "getNewProjectInvoices",
                "getProjectInvoiceChanges", "deleteProjectInvoicesDeletedInQbo", "getNewPayments",
                "getPaymentChanges", "deletePaymentsDeletedInQbo");
    }
}
