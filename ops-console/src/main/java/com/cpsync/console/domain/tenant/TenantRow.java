package com.cpsync.console.domain.tenant;

/**
 * A line of the tenants page: what the console indexed, the tenant's QBO connection, its latest work status on
 * cp-outbound-service (null: never parked as far as the console has seen) with that said in words, and the QBO
 * budget of its realm.
 */
public record TenantRow(TenantSummary summary, Connection connection, WorkStatus workStatus, String workDetail,
                        RealmBudget budget) {
}
