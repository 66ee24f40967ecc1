package com.cpsync.mapping.application;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import com.cpsync.mapping.adapter.out.http.QboTokenClient;
import com.cpsync.mapping.adapter.out.http.QboTokenClient.InvalidGrantException;
import com.cpsync.mapping.adapter.out.http.QboTokenClient.TokenEndpointException;
import com.cpsync.mapping.adapter.out.jdbc.ConnectionJdbcRepository;
import com.cpsync.mapping.adapter.out.jdbc.ConnectionJdbcRepository.PendingState;
import com.cpsync.mapping.adapter.out.jdbc.ConnectionJdbcRepository.StoredConnection;
import com.cpsync.mapping.config.QboOAuthProperties;
import com.cpsync.mapping.domain.connection.ConnectionStatus;
import com.cpsync.mapping.domain.connection.OAuthStates;
import com.cpsync.mapping.domain.connection.RefreshRule;
import com.cpsync.mapping.domain.connection.TokenCipher;
import com.cpsync.mapping.domain.connection.TokenCipher.TokenDecryptionException;
import com.cpsync.mapping.domain.connection.TokenPair;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * QBO connections per tenant: the OAuth authorization-code flow and access tokens whose refresh is serialised
 * per realm (in-process lock plus a row lock, so two instances cannot rotate the same refresh token twice).
 */
@Service
public class QboConnections {

    private static final Logger log = LoggerFactory.getLogger(QboConnections.class);

    private final ConnectionJdbcRepository connections;
    private final QboTokenClient tokenClient;
    private final TokenCipher cipher;
    private final QboOAuthProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Environment environment;
    private final Map<String, ReentrantLock> refreshLocks = new ConcurrentHashMap<>();

    public QboConnections(ConnectionJdbcRepository connections, QboTokenClient tokenClient, TokenCipher cipher,
                          QboOAuthProperties properties, TransactionTemplate transactions, Clock clock,
                          MeterRegistry meters, Environment environment) {
        this.connections = connections;
        this.tokenClient = tokenClient;
        this.cipher = cipher;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
        this.meters = meters;
        this.environment = environment;
    }

    /** Starts the flow: a fresh single-use state bound to the tenant, and the QBO authorize URL. */
    public URI authorizeUrl(String tenantId, String realmHint) {
        Instant now = clock.instant();
        connections.deleteStatesOlderThan(now.minus(properties.stateTtl()));
        String state = OAuthStates.newState();
        connections.saveState(state, tenantId, now);
        UriComponentsBuilder url = UriComponentsBuilder.fromUriString(properties.authorizeUrl())
                .queryParam("client_id", "{clientId}")
                .queryParam("response_type", "code")
                .queryParam("scope", "{scope}")
                .queryParam("redirect_uri", "{redirectUri}")
                .queryParam("state", "{state}");
        Map<String, String> values = new HashMap<>(Map.of("clientId", properties.clientId(),
                "scope", properties.scope(), "redirectUri", redirectUri(), "state", state));
        if (realmHint != null && !realmHint.isBlank()) {
            url.queryParam("realmId", "{realmId}");
            values.put("realmId", realmHint);
        }
        return url.encode().buildAndExpand(values).toUri();
    }

    /** The redirect back from QBO: consumes the state, exchanges the code and stores the encrypted pair. */
    public ConnectionView completeAuthorization(String code, String state, String realmId, String error) {
        if (state == null || state.isBlank()) {
            throw ApiException.badRequest("the callback has no state parameter");
        }
        PendingState pending = connections.takeState(state)
                .orElseThrow(() -> ApiException.badRequest("unknown or already used OAuth state"));
        if (OAuthStates.isExpired(pending.createdAt(), properties.stateTtl(), clock.instant())) {
            throw ApiException.badRequest("the OAuth state has expired; start again from /connection/authorize");
        }
        if (error != null && !error.isBlank()) {
            throw ApiException.badRequest("QBO did not grant access: " + error);
        }
        if (code == null || code.isBlank() || realmId == null || realmId.isBlank()) {
            throw ApiException.badRequest("the callback needs both code and realmId");
        }
        String tenantId = pending.tenantId();
        connections.findByRealm(realmId)
                .filter(c -> c.status() == ConnectionStatus.CONNECTED && !c.tenantId().equals(tenantId))
                .ifPresent(c -> {
                    throw ApiException.conflict("QBO realm " + realmId + " is already connected to tenant "
                            + c.tenantId());
                });
        TokenPair pair;
        try {
            pair = tokenClient.exchangeCode(code, redirectUri());
        } catch (InvalidGrantException e) {
            throw ApiException.badRequest("QBO rejected the authorization code (invalid_grant)");
        } catch (TokenEndpointException e) {
            throw new ApiException(502, "token_endpoint_failed", e.getMessage());
        }
        connections.upsertConnected(tenantId, realmId, cipher.encrypt(pair.accessToken()),
                cipher.encrypt(pair.refreshToken()), pair.accessExpiresAt(), pair.refreshExpiresAt());
        log.info("Tenant {} connected to QBO realm {}", tenantId, realmId);
        return new ConnectionView(tenantId, realmId, ConnectionStatus.CONNECTED, pair.accessExpiresAt());
    }

    /** Configured, or this server's own callback on the port it really listens on (tests use random ports). */
    private String redirectUri() {
        if (properties.redirectUri() != null && !properties.redirectUri().isBlank()) {
            return properties.redirectUri();
        }
        return "http://localhost:" + environment.getProperty("local.server.port",
                environment.getProperty("server.port", "8081")) + "/oauth/callback";
    }

    public ConnectionView byTenant(String tenantId) {
        return connections.findByTenant(tenantId).map(QboConnections::view)
                .orElseThrow(() -> ApiException.notFound("tenant " + tenantId + " has no QBO connection"));
    }

    public ConnectionView byRealm(String realmId) {
        return connections.findByRealm(realmId).map(QboConnections::view)
                .orElseThrow(() -> ApiException.notFound("no tenant is connected to QBO realm " + realmId));
    }

    public List<ConnectionView> connected() {
        return connections.findConnected().stream().map(QboConnections::view).toList();
    }

    public void disconnect(String tenantId) {
        if (connections.disconnect(tenantId) == 0) {
            throw ApiException.notFound("tenant " + tenantId + " has no QBO connection");
        }
        log.info("Tenant {} disconnected from QBO", tenantId);
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
            refreshed = transactions.execute(tx -> refreshLocked(tenantId, access, rejectedAccessToken));
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
        TokenPair pair;
        try {
            pair = tokenClient.refresh(refresh);
        } catch (InvalidGrantException e) {
            meters.counter("mapping.oauth.refreshes", "result", "invalid_grant").increment();
            connections.disconnect(tenantId);
            log.warn("QBO refresh token of tenant {} (realm {}) is no longer valid: marked DISCONNECTED",
                    tenantId, stored.realmId());
            return Refreshed.disconnected("its refresh token is dead");
        } catch (TokenEndpointException e) {
            meters.counter("mapping.oauth.refreshes", "result", "error").increment();
            if (!access.equals(rejected) && stored.accessExpiresAt() != null && stored.accessExpiresAt().isAfter(now)) {
                log.warn("Refresh for tenant {} failed ({}); handing out the still valid token", tenantId,
                        e.getMessage());
                return Refreshed.of(new AccessToken(stored.realmId(), access, stored.accessExpiresAt()));
            }
            throw new ApiException(503, "token_endpoint_failed", "QBO token refresh failed: " + e.getMessage());
        }
        connections.updateTokens(tenantId, cipher.encrypt(pair.accessToken()), cipher.encrypt(pair.refreshToken()),
                pair.accessExpiresAt(), pair.refreshExpiresAt());
        meters.counter("mapping.oauth.refreshes", "result", "success").increment();
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

    /** The tokens were tampered with or encrypted under another key (typically a restart with a new random key). */
    private String decryptOrNull(String encrypted) {
        try {
            return cipher.decrypt(encrypted);
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

    private static ConnectionView view(StoredConnection c) {
        return new ConnectionView(c.tenantId(), c.realmId(), c.status(),
                c.status() == ConnectionStatus.CONNECTED ? c.accessExpiresAt() : null);
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
