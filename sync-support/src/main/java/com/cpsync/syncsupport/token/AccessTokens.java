package com.cpsync.syncsupport.token;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.cpsync.syncsupport.mapping.AccessGrant;

/**
 * Per-tenant access-token cache: a token is reused until {@link #EXPIRY_MARGIN} before it expires, so
 * each QBO call does not cost a call to mapping-service; after a 401, {@link #renew} asks once for a
 * fresh one naming the rejected token (mapping-service then refreshes even an unexpired one).
 */
public class AccessTokens {

    /** A token this close to its expiry is not handed out: a call may take a while, QBO clocks differ. */
    public static final Duration EXPIRY_MARGIN = Duration.ofMinutes(2);

    private final AccessTokenSource source;
    private final Clock clock;
    /** The latest grant per tenant; a renewal replaces it. */
    private final Map<String, AccessGrant> byTenant = new ConcurrentHashMap<>();

    public AccessTokens(AccessTokenSource source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    /** The cached token while it is good for at least the margin, else a fresh one. */
    public AccessGrant current(String tenantId) {
        AccessGrant cached = byTenant.get(tenantId);
        if (cached != null && cached.expiresAt().isAfter(clock.instant().plus(EXPIRY_MARGIN))) {
            return cached;
        }
        return fetch(tenantId, null);
    }

    /** QBO answered 401 to {@code rejectedAccessToken}: drop it and get a refreshed one. */
    public AccessGrant renew(String tenantId, String rejectedAccessToken) {
        byTenant.remove(tenantId);
        return fetch(tenantId, rejectedAccessToken);
    }

    /** The realm of the tenant's latest grant, without asking anyone. */
    public Optional<String> lastRealm(String tenantId) {
        return Optional.ofNullable(byTenant.get(tenantId)).map(AccessGrant::realmId);
    }

    private AccessGrant fetch(String tenantId, String rejected) {
        AccessGrant fresh = source.accessToken(tenantId, rejected);
        byTenant.put(tenantId, fresh);
        return fresh;
    }
}
