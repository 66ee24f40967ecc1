package com.cpsync.syncsupport.mapping;

/** No access token: the tenant never connected QBO, disconnected, or its refresh token died (404/409). */
public class TenantNotConnected extends RuntimeException {

    private final String tenantId;

    public TenantNotConnected(String tenantId, Throwable cause) {
        super("tenant " + tenantId + " is not connected to QBO", cause);
        this.tenantId = tenantId;
    }

    public String tenantId() {
        return tenantId;
    }
}
