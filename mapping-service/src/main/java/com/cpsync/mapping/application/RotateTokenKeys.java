package com.cpsync.mapping.application;

import java.util.List;

import com.cpsync.mapping.application.port.ConnectionStore;
import com.cpsync.mapping.application.port.TokenKeyStore;
import com.cpsync.mapping.application.port.TokenKeyStore.KeyedTokens;
import com.cpsync.mapping.application.port.Transactions;
import com.cpsync.mapping.domain.connection.TokenCipher;
import com.cpsync.mapping.domain.connection.TokenCipher.TokenDecryptionException;
import com.cpsync.mapping.domain.connection.TokenKeyUsage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves stored tokens to the current token key, batch by batch, one transaction per batch, and tells whether the
 * stored rows can be read with the keys configured at all.
 */
public record RotateTokenKeys(TokenKeyStore store, ConnectionStore connections, TokenCipher cipher,
                              Transactions transactions, int batchSize) {

    private static final Logger log = LoggerFactory.getLogger(RotateTokenKeys.class);

    public RotateTokenKeys {
        if (batchSize < 1) {
            throw new IllegalArgumentException("the re-encryption batch size must be at least 1, got " + batchSize);
        }
    }

    public TokenKeyUsage usage() {
        return TokenKeyUsage.of(cipher.ring(), store.rowsPerKeyId());
    }

    /**
     * @throws IllegalStateException when a stored row names a key that is not configured (with a random per-start
     *                               key nothing can be read again anyway, so then it only warns)
     */
    public void requireEveryStoredKeyConfigured() {
        usage().refusal().ifPresent(problem -> {
            if (!cipher.ring().isEphemeral()) {
                throw new IllegalStateException("mapping-service cannot start: " + problem);
            }
            log.warn("No token encryption key is configured: {}", problem);
        });
    }

    /** Re-encrypts batches until none is left; returns how many connections moved to the current key. */
    public int reEncryptAll() {
        int moved = 0;
        int batch;
        do {
            batch = transactions.inTransaction(this::reEncryptOneBatch);
            moved += batch;
        } while (batch == batchSize);
        if (moved > 0) {
            log.info("Re-encrypted the QBO tokens of {} connection(s) under token key '{}'", moved,
                    cipher.ring().currentKeyId());
        }
        return moved;
    }

    /**
     * One locked batch of rows under this instance's old keys; returns how many rows it took (re-encrypted or, when
     * unreadable, disconnected). Rows under a key this instance lacks are not its business: during a rolling
     * deployment a newer instance may already write under a key this one does not know yet.
     */
    private int reEncryptOneBatch() {
        List<String> oldKeys = cipher.ring().keyIds().stream()
                .filter(id -> !id.equals(cipher.ring().currentKeyId())).toList();
        if (oldKeys.isEmpty()) {
            return 0;
        }
        List<KeyedTokens> batch = store.lockBatchUnder(oldKeys, batchSize);
        for (KeyedTokens row : batch) {
            reEncrypt(row);
        }
        return batch.size();
    }

    private void reEncrypt(KeyedTokens row) {
        String access;
        String refresh;
        try {
            access = cipher.decrypt(row.accessTokenEnc());
            refresh = cipher.decrypt(row.refreshTokenEnc());
        } catch (TokenDecryptionException e) {
            // as IssueAccessToken does with an unreadable pair: only reconnecting helps, and the row must not block rotation
            connections.disconnect(row.tenantId());
            log.warn("Stored QBO tokens of tenant {} under token key '{}' cannot be decrypted ({}): marked DISCONNECTED",
                    row.tenantId(), row.keyId(), e.getMessage());
            return;
        }
        store.replaceTokens(row.tenantId(), cipher.encrypt(access), cipher.encrypt(refresh),
                cipher.ring().currentKeyId());
    }
}
