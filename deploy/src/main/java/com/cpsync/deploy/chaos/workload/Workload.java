package com.cpsync.deploy.chaos.workload;

import java.util.List;

/** Everything a chaos run plays, decided up front from its seed. */
public record Workload(long seed, List<TenantPlan> tenants, List<Step> steps) {

    public TenantPlan tenant(String tenantId) {
        return tenants.stream().filter(t -> t.tenantId().equals(tenantId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no tenant " + tenantId));
    }
}
