package com.cpsync.mapping.application;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.cpsync.mapping.application.port.ConnectionStore.StoredConnection;
import com.cpsync.mapping.application.port.TokenKeyStore;
import com.cpsync.mapping.domain.connection.TokenCipher;

/**
 * The key-rotation view of an {@link InMemoryConnectionStore}: a row's key id is the one its ciphertext names (the
 * JDBC adapter keeps the column equal to it). Rows "held by another instance" are skipped, as {@code skip locked} does.
 */
final class InMemoryTokenKeyStore implements TokenKeyStore {

    private final InMemoryConnectionStore connections;
    private final Set<String> heldElsewhere = new HashSet<>();
    private final List<Integer> batchSizes = new ArrayList<>();

    InMemoryTokenKeyStore(InMemoryConnectionStore connections) {
        this.connections = connections;
    }

    void holdElsewhere(String tenantId) {
        heldElsewhere.add(tenantId);
    }

    void release(String tenantId) {
        heldElsewhere.remove(tenantId);
    }

    List<Integer> batchSizes() {
        return batchSizes;
    }

    @Override
    public Map<String, Long> rowsPerKeyId() {
        Map<String, Long> counts = new TreeMap<>();
        for (StoredConnection row : withTokens()) {
            counts.merge(TokenCipher.keyIdOf(row.accessTokenEnc()), 1L, Long::sum);
        }
        return counts;
    }

    @Override
    public List<KeyedTokens> lockBatchUnder(Collection<String> oldKeyIds, int limit) {
        List<KeyedTokens> batch = withTokens().stream()
                .filter(row -> oldKeyIds.contains(TokenCipher.keyIdOf(row.accessTokenEnc())))
                .filter(row -> !heldElsewhere.contains(row.tenantId()))
                .limit(limit)
                .map(row -> new KeyedTokens(row.tenantId(), TokenCipher.keyIdOf(row.accessTokenEnc()),
                        row.accessTokenEnc(), row.refreshTokenEnc()))
                .toList();
        batchSizes.add(batch.size());
        return batch;
    }

    @Override
    public void replaceTokens(String tenantId, String accessTokenEnc, String refreshTokenEnc, String keyId) {
        StoredConnection old = connections.row(tenantId);
        connections.put(new StoredConnection(tenantId, old.realmId(), old.status(), accessTokenEnc, refreshTokenEnc,
                old.accessExpiresAt(), old.refreshExpiresAt()));
    }

    private List<StoredConnection> withTokens() {
        return connections.rows().stream().filter(row -> row.accessTokenEnc() != null).toList();
    }
}
