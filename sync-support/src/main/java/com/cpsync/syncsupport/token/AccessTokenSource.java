package com.cpsync.syncsupport.token;

import com.cpsync.syncsupport.mapping.AccessGrant;

/** Where access tokens come from: mapping-service's {@code POST /tenants/{t}/connection/access-token}. */
@FunctionalInterface
public interface AccessTokenSource {

    /** A valid token; {@code rejectedAccessToken} (or null) names the one QBO just refused, forcing a refresh. */
    AccessGrant accessToken(String tenantId, String rejectedAccessToken);
}
