package com.cpsync.mapping.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.cpsync.mapping.domain.connection.ConnectionStatus;

/** Each tenant's QBO connection; token values are stored as ciphertext only. */
public interface ConnectionStore {

    /** A stored connection; the token fields are ciphertext (null once disconnected). */
    record StoredConnection(String tenantId, String realmId, ConnectionStatus status,
                            String accessTokenEnc, String refreshTokenEnc,
                            Instant accessExpiresAt, Instant refreshExpiresAt) {
    }

    Optional<StoredConnection> findByTenant(String tenantId);

    /**
     * Reads the connection and holds it until the surrounding transaction ends, so no other instance can
     * refresh it meanwhile. Must run inside {@link Transactions#inTransaction}.
     */
    Optional<StoredConnection> lockByTenant(String tenantId);

    /** The realm's connected tenant if there is one, else its most recently changed connection. */
    Optional<StoredConnection> findByRealm(String realmId);

    /** Connected tenants, ordered by tenant id. */
    List<StoredConnection> findConnected();

    /** Connects (or reconnects) the tenant to the realm with a fresh pair. */
    void upsertConnected(String tenantId, String realmId, EncryptedTokens tokens);

    /** Both tokens in one write: the old refresh token is dead once the new one is issued. */
    void updateTokens(String tenantId, EncryptedTokens tokens);

    /**
     * Marks the connection DISCONNECTED and drops its tokens: only the authorize flow reconnects it.
     *
     * @return how many connections changed (0 for an unknown tenant)
     */
    int disconnect(String tenantId);
}
