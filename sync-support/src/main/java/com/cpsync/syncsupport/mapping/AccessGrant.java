package com.cpsync.syncsupport.mapping;

import java.time.Instant;

/** An access token for the tenant's realm. The token itself never appears in {@link #toString()} (logs). */
public record AccessGrant(String realmId, String accessToken, Instant expiresAt) {

    @Override
    public String toString() {
        return "AccessGrant[realmId=" + realmId + ", accessToken=***, expiresAt=" + expiresAt + "]";
    }
}
