package com.cpsync.deploy.chaos.audit;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** What QBO holds once the run settled: every realm's customers (jobs included) and invoices, from the sandbox's admin listing. */
public record QboSnapshot(Map<String, Books> realms) {

    public Books realm(String realmId) {
        return realms.getOrDefault(realmId, new Books(List.of(), List.of()));
    }

    public record Books(List<Customer> customers, List<Invoice> invoices) {
    }

    /** @param parentId the ParentRef of a job (sub-customer), else {@code null} */
    public record Customer(String id, String displayName, boolean job, String parentId, String email) {
    }

    /** @param lineAmounts the amounts of the item lines (not the subtotal), in order */
    public record Invoice(String id, String docNumber, String customerId, BigDecimal total, List<BigDecimal> lineAmounts) {
    }
}
