package com.cpsync.mapping.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import com.cpsync.mapping.application.port.ConnectionStore;
import com.cpsync.mapping.application.port.ConnectionStore.StoredConnection;
import com.cpsync.mapping.application.port.EncryptedTokens;
import com.cpsync.mapping.application.port.InvalidGrantException;
import com.cpsync.mapping.application.port.QboTokenRefresh;
import com.cpsync.mapping.application.port.RefreshMetrics;
import com.cpsync.mapping.application.port.RefreshMetrics.RefreshResult;
import com.cpsync.mapping.application.port.TokenEndpointException;
import com.cpsync.mapping.application.port.Transactions;
import com.cpsync.mapping.domain.connection.ConnectionStatus;
import com.cpsync.mapping.domain.connection.RefreshRule;
import com.cpsync.mapping.domain.connection.TokenCipher;
import com.cpsync.mapping.domain.connection.TokenCipher.TokenDecryptionException;
import com.cpsync.mapping.domain.connection.TokenCipher.UnknownTokenKeyException;
import com.cpsync.mapping.domain.connection.TokenPair;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access tokens for the sync services, refreshed when needed. Refreshes are serialised per realm (an in-process
 * lock plus the connection's row lock), so two instances cannot rotate the same refresh token twice.
 */
public class IssueAccessToken {

    private static final Logger log = LoggerFactory.getLogger(IssueAccessToken.class);

    private final ConnectionStore connections;
    private final QboTokenRefresh qbo;
    private final TokenCipher cipher;
    private final Transactions transactions;
    private final RefreshMetrics metrics;
    private final Clock clock;
    private final Map<String, ReentrantLock> refreshLocks = new ConcurrentHashMap<>();

    public IssueAccessToken(ConnectionStore connections, QboTokenRefresh qbo, TokenCipher cipher,
                            Transactions transactions, RefreshMetrics metrics, Clock clock) {
        this.connections = connections;
        this.qbo = qbo;
        this.cipher = cipher;
        this.transactions = transactions;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * A usable access token; refreshed first when it expires within {@link RefreshRule#MARGIN} or is the one
     * QBO just rejected.
     */
    public AccessToken accessToken(String tenantId, String rejectedAccessToken) {
        StoredConnection stored = connectedOrThrow(connections.findByTenant(tenantId), tenantId);
        String access = decryptOrDisconnect(stored, stored.accessTokenEnc());
        if (!RefreshRule.needsRefresh(access, stored.accessExpiresAt(), rejectedAccessToken, clock.instant())) {
            return new AccessToken(stored.realmId(), access, stored.accessExpiresAt());
        }
        ReentrantLock lock = refreshLocks.computeIfAbsent(stored.realmId(), realm -> new ReentrantLock());
        Refreshed refreshed;
        lock.lock();
        try {
            refreshed = transactions.inTransaction(() -> refreshLocked(tenantId, access, rejectedAccessToken));
        } finally {
            lock.unlock();
        }
        if (refreshed.token() == null) {
            throw ApiException.disconnected("tenant " + tenantId + " must reconnect to QBO: "
                    + refreshed.disconnectedBecause());
        }
        return refreshed.token();
    }

    /**
     * Runs in one transaction holding the connection's row lock, so the stored pair is the newest one and nobody
     * changes it meanwhile: an invalid_grant here really means the refresh token is dead. A dead or undecryptable
     * pair is disconnected in this same transaction (returned, not thrown, so the disconnect commits).
     */
    private Refreshed refreshLocked(String tenantId, String seenAccess, String rejected) {
        StoredConnection stored = connectedOrThrow(connections.lockByTenant(tenantId), tenantId);
        String access = decryptOrNull(stored.accessTokenEnc());
        if (access == null) {
            return Refreshed.disconnected(disconnectUndecryptable(tenantId));
        }
        Instant now = clock.instant();
        if (!RefreshRule.stillNeedsRefresh(seenAccess, access, stored.accessExpiresAt(), rejected, now)) {
            return Refreshed.of(new AccessToken(stored.realmId(), access, stored.accessExpiresAt()));
        }
        String refresh = decryptOrNull(stored.refreshTokenEnc());
        if (refresh == null) {
            return Refreshed.disconnected(disconnectUndecryptable(tenantId));
        }
        return rotate(stored, access, refresh, rejected, now);
    }

    /** Spends the refresh token; on a transient failure a still valid, unrejected token is handed out instead. */
    private Refreshed rotate(StoredConnection stored, String access, String refresh, String rejected, Instant now) {
        String tenantId = stored.tenantId();
        TokenPair pair;
        try {
            pair = qbo.refresh(refresh);
        } catch (InvalidGrantException e) {
            metrics.count(RefreshResult.INVALID_GRANT);
            connections.disconnect(tenantId);
            log.warn("QBO refresh token of tenant {} (realm {}) is no longer valid: marked DISCONNECTED",
                    tenantId, stored.realmId());
            return Refreshed.disconnected("its refresh token is dead");
        } catch (TokenEndpointException e) {
            metrics.count(RefreshResult.ERROR);
            if (!access.equals(rejected) && stored.accessExpiresAt() != null && stored.accessExpiresAt().isAfter(now)) {
                log.warn("Refresh for tenant {} failed ({}); handing out the still valid token", tenantId,
                        e.getMessage());
                return Refreshed.of(new AccessToken(stored.realmId(), access, stored.accessExpiresAt()));
            }
            throw new ApiException(503, "token_endpoint_failed", "QBO token refresh failed: " + e.getMessage());
        }
        connections.updateTokens(tenantId, EncryptedTokens.of(pair, cipher));
        metrics.count(RefreshResult.SUCCESS);
        log.info("Refreshed QBO tokens of tenant {} (realm {}), access token valid until {}", tenantId,
                stored.realmId(), pair.accessExpiresAt());
        return Refreshed.of(new AccessToken(stored.realmId(), pair.accessToken(), pair.accessExpiresAt()));
    }

    private StoredConnection connectedOrThrow(Optional<StoredConnection> connection, String tenantId) {
        return connection.filter(c -> c.status() == ConnectionStatus.CONNECTED)
                .orElseThrow(() -> ApiException.disconnected("tenant " + tenantId + " is not connected to QBO"));
    }

    private String decryptOrDisconnect(StoredConnection connection, String encrypted) {
        String plain = decryptOrNull(encrypted);
        if (plain == null) {
            throw ApiException.disconnected("tenant " + connection.tenantId() + " must reconnect to QBO: "
                    + disconnectUndecryptable(connection.tenantId()));
        }
        return plain;
    }

    /**
     * Null when the tokens were tampered with or encrypted under another key (typically a restart with a new random
     * key). A key this instance lacks is a configuration gap, not a dead token: 503, and the connection stays.
     */
    private String decryptOrNull(String encrypted) {
        try {
            return cipher.decrypt(encrypted);
        } catch (UnknownTokenKeyException e) {
            throw new ApiException(503, "token_key_missing", "stored QBO tokens are " + e.getMessage()
                    + " on this instance (TOKEN_ENCRYPTION_KEYS)");
        } catch (TokenDecryptionException e) {
            return null;
        }
    }

    /** An unusable stored pair: only reconnecting helps. Returns the reason for the caller's error. */
    private String disconnectUndecryptable(String tenantId) {
        connections.disconnect(tenantId);
        log.warn("Stored QBO tokens of tenant {} cannot be decrypted: marked DISCONNECTED", tenantId);
        return "its stored tokens cannot be decrypted";
    }

    /** Either a usable token, or why the connection was just marked DISCONNECTED. */
    private record Refreshed(AccessToken token, String disconnectedBecause) {
        static Refreshed of(AccessToken token) {
            return new Refreshed(token, null);
        }

        static Refreshed disconnected(String because) {
            return new Refreshed(null, because);
        }
    }
}
