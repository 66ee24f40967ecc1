package com.cpsync.deploy.chaos.workload;

/** A chaos tenant, the sandbox realm it connects to, and its settings. */
public record TenantPlan(String tenantId, String realmId, Profile profile) {
}
