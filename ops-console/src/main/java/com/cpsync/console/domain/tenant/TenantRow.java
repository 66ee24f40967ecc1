package com.cpsync.console.domain.tenant;

/** A line of the tenants page: what the console indexed, and the tenant's QBO connection. */
public record TenantRow(TenantSummary summary, Connection connection) {
}
