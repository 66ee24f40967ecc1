package com.cpsync.mapping.application.port;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Which token key each stored connection's tokens are encrypted with, for the key rotation. */
public interface TokenKeyStore {

    /** A connection's stored tokens (ciphertext) and the id of the key that encrypted them. */
    record KeyedTokens(String tenantId, String keyId, String accessTokenEnc, String refreshTokenEnc) {
    }

    /** Connections holding tokens, counted by the key id they name. */
    Map<String, Long> rowsPerKeyId();

    /**
     * Up to {@code limit} connections whose tokens are under one of {@code oldKeyIds}, locked until the surrounding
     * transaction ends; rows another instance holds are skipped, so two instances re-encrypt disjoint batches.
     * Must run inside {@link Transactions#inTransaction}.
     */
    List<KeyedTokens> lockBatchUnder(Collection<String> oldKeyIds, int limit);

    /** Replaces a locked row's tokens by the same tokens encrypted under {@code keyId}. */
    void replaceTokens(String tenantId, String accessTokenEnc, String refreshTokenEnc, String keyId);
}
