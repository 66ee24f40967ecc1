package com.cpsync.standin.domain;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The stand-in's in-memory Centerpoint: one {@link TenantData} per tenant. */
public final class CenterpointData {

    private final Map<String, TenantData> tenants = new ConcurrentHashMap<>();

    public TenantData tenant(String tenantId) {
        return tenants.computeIfAbsent(tenantId, TenantData::new);
    }
}
