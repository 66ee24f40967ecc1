package com.cpsync.mapping.application;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.cpsync.mapping.application.port.ConnectionStore;
import com.cpsync.mapping.application.port.ConnectionStore.StoredConnection;
import com.cpsync.mapping.application.port.EncryptedTokens;
import com.cpsync.mapping.application.port.InvalidGrantException;
import com.cpsync.mapping.application.port.OAuthStateStore;
import com.cpsync.mapping.application.port.OAuthStateStore.PendingState;
import com.cpsync.mapping.application.port.QboAuthorization;
import com.cpsync.mapping.application.port.TokenEndpointException;
import com.cpsync.mapping.domain.connection.ConnectionStatus;
import com.cpsync.mapping.domain.connection.OAuthStates;
import com.cpsync.mapping.domain.connection.TokenCipher;
import com.cpsync.mapping.domain.connection.TokenPair;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tenant's QBO connection: the OAuth authorization-code flow that connects it (a single-use state bound to
 * the tenant, then the callback), what the API shows of it, and the disconnect.
 */
public record ConnectToQbo(OAuthStateStore states, ConnectionStore connections, QboAuthorization qbo,
                           TokenCipher cipher, Duration stateTtl, Clock clock) {

    private static final Logger log = LoggerFactory.getLogger(ConnectToQbo.class);

    /** Starts the flow: a fresh single-use state bound to the tenant, and the QBO authorize URL. */
    public URI authorizeUrl(String tenantId, String realmHint) {
        if (realmHint != null && !realmHint.isBlank()) {
            refuseRepointingAConnectedTenant(tenantId, realmHint);
        }
        Instant now = clock.instant();
        states.deleteOlderThan(now.minus(stateTtl));
        String state = OAuthStates.newState();
        states.save(state, tenantId, now);
        return qbo.authorizeUrl(state, realmHint);
    }

    /** The redirect back from QBO: consumes the state, exchanges the code and stores the encrypted pair. */
    public ConnectionView completeAuthorization(String code, String state, String realmId, String error) {
        String tenantId = takeState(state).tenantId();
        if (error != null && !error.isBlank()) {
            throw ApiException.badRequest("QBO did not grant access: " + error);
        }
        if (code == null || code.isBlank() || realmId == null || realmId.isBlank()) {
            throw ApiException.badRequest("the callback needs both code and realmId");
        }
        refuseRealmOfAnotherTenant(realmId, tenantId);
        refuseRepointingAConnectedTenant(tenantId, realmId);
        TokenPair pair = exchange(code);
        connections.upsertConnected(tenantId, realmId, EncryptedTokens.of(pair, cipher));
        log.info("Tenant {} connected to QBO realm {}", tenantId, realmId);
        return new ConnectionView(tenantId, realmId, ConnectionStatus.CONNECTED, pair.accessExpiresAt());
    }

    /** Consumed even when the callback is then refused: a state is good for one try. */
    private PendingState takeState(String state) {
        if (state == null || state.isBlank()) {
            throw ApiException.badRequest("the callback has no state parameter");
        }
        PendingState pending = states.take(state)
                .orElseThrow(() -> ApiException.badRequest("unknown or already used OAuth state"));
        if (OAuthStates.isExpired(pending.createdAt(), stateTtl, clock.instant())) {
            throw ApiException.badRequest("the OAuth state has expired; start again from /connection/authorize");
        }
        return pending;
    }

    private void refuseRealmOfAnotherTenant(String realmId, String tenantId) {
        connections.findByRealm(realmId)
                .filter(c -> c.status() == ConnectionStatus.CONNECTED && !c.tenantId().equals(tenantId))
                .ifPresent(c -> {
                    throw ApiException.conflict("QBO realm " + realmId + " is already connected to tenant "
                            + c.tenantId());
                });
    }

    /**
     * A connected tenant keeps its realm until it is disconnected on purpose: moving it silently would send its
     * next events to another company's books. Reconnecting the same realm (a fresh consent) is fine.
     */
    private void refuseRepointingAConnectedTenant(String tenantId, String realmId) {
        connections.findByTenant(tenantId)
                .filter(c -> c.status() == ConnectionStatus.CONNECTED && !c.realmId().equals(realmId))
                .ifPresent(c -> {
                    throw ApiException.conflict("tenant " + tenantId + " is connected to QBO realm " + c.realmId()
                            + "; disconnect it first (DELETE /tenants/" + tenantId + "/connection) to connect realm "
                            + realmId);
                });
    }

    private TokenPair exchange(String code) {
        try {
            return qbo.exchangeCode(code);
        } catch (InvalidGrantException e) {
            throw ApiException.badRequest("QBO rejected the authorization code (invalid_grant)");
        } catch (TokenEndpointException e) {
            throw new ApiException(502, "token_endpoint_failed", e.getMessage());
        }
    }

    public ConnectionView byTenant(String tenantId) {
        return connections.findByTenant(tenantId).map(ConnectToQbo::view)
                .orElseThrow(() -> ApiException.notFound("tenant " + tenantId + " has no QBO connection"));
    }

    public ConnectionView byRealm(String realmId) {
        return connections.findByRealm(realmId).map(ConnectToQbo::view)
                .orElseThrow(() -> ApiException.notFound("no tenant is connected to QBO realm " + realmId));
    }

    public List<ConnectionView> connected() {
        return connections.findConnected().stream().map(ConnectToQbo::view).toList();
    }

    public void disconnect(String tenantId) {
        if (connections.disconnect(tenantId) == 0) {
            throw ApiException.notFound("tenant " + tenantId + " has no QBO connection");
        }
        log.info("Tenant {} disconnected from QBO", tenantId);
    }

    private static ConnectionView view(StoredConnection c) {
        return new ConnectionView(c.tenantId(), c.realmId(), c.status(),
                c.status() == ConnectionStatus.CONNECTED ? c.accessExpiresAt() : null);
    }
}
