package com.cpsync.mapping.domain.connection;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How many stored connections each token key encrypts, against the keys configured: which stored keys are missing
 * (startup must refuse, or those tenants silently lose their connection), how many rows still wait for the
 * re-encryption, and which old keys no stored row needs any more (safe to drop).
 */
public record TokenKeyUsage(String currentKeyId, List<String> configuredKeyIds, Map<String, Long> rowsPerKeyId) {

    public TokenKeyUsage {
        configuredKeyIds = List.copyOf(configuredKeyIds);
        rowsPerKeyId = new TreeMap<>(rowsPerKeyId);
    }

    public static TokenKeyUsage of(TokenKeyRing ring, Map<String, Long> rowsPerKeyId) {
        return new TokenKeyUsage(ring.currentKeyId(), List.copyOf(ring.keyIds()), rowsPerKeyId);
    }

    /** Keys stored rows name but nobody configured; random per-start keys are not counted: nobody has them. */
    public List<String> missingKeyIds() {
        return rowsPerKeyId.entrySet().stream()
                .filter(e -> e.getValue() > 0 && !configuredKeyIds.contains(e.getKey())
                        && !e.getKey().startsWith(TokenKeyRing.EPHEMERAL_PREFIX))
                .map(Map.Entry::getKey).toList();
    }

    /** Configured keys other than the current one that no stored row names: these can be removed. */
    public List<String> unusedKeyIds() {
        return configuredKeyIds.stream()
                .filter(id -> !id.equals(currentKeyId) && rowsPerKeyId.getOrDefault(id, 0L) == 0)
                .toList();
    }

    /** Rows the re-encryption still has to move to the current key. */
    public long rowsNotUnderCurrentKey() {
        return rowsPerKeyId.entrySet().stream().filter(e -> !e.getKey().equals(currentKeyId))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** Why this instance must not start, if a stored row names a key that is not configured. */
    public Optional<String> refusal() {
        List<String> missing = missingKeyIds();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder rows = new StringBuilder();
        for (String id : missing) {
            rows.append(rows.length() == 0 ? "" : ", ").append(rowsPerKeyId.get(id)).append(" under '").append(id)
                    .append("'");
        }
        return Optional.of("stored QBO tokens are encrypted under token key(s) " + missing + " that are not configured ("
                + rows + "; configured: " + configuredKeyIds + "). Configure those keys again (TOKEN_ENCRYPTION_KEYS="
                + "id:base64,...; the 'legacy' key is TOKEN_ENCRYPTION_KEY) and drop a key only once the metric "
                + "mapping_token_key_rows shows 0 rows for it");
    }
}
