package com.cpsync.mapping.domain.connection;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The token-encryption keys this instance knows, by id, and the current one that new writes use. Older keys stay
 * only to read (and re-encrypt) what was stored under them. Error messages name key ids, never key material.
 */
public final class TokenKeyRing {

    /** The id of the single key of {@code TOKEN_ENCRYPTION_KEY}, and of every value stored before key ids existed. */
    public static final String LEGACY_KEY_ID = "legacy";
    /** Random per-start keys get ids with this prefix: nobody can configure them again, so rows under them are lost. */
    public static final String EPHEMERAL_PREFIX = "ephemeral-";

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_.-]{1,40}");

    private final Map<String, byte[]> keys;
    private final String currentKeyId;

    private TokenKeyRing(Map<String, byte[]> keys, String currentKeyId) {
        this.keys = keys;
        this.currentKeyId = currentKeyId;
    }

    /**
     * The ring from the configuration: {@code keysSpec} is {@code id:base64,id:base64}; {@code legacyKey} (the
     * single-key setting) joins it as {@link #LEGACY_KEY_ID}. The current key must be named when there are several.
     *
     * @return null when nothing is configured at all (the caller then uses {@link #ephemeral()})
     * @throws IllegalArgumentException naming what is wrong, never a key's value
     */
    public static TokenKeyRing configured(String keysSpec, String currentKeyId, String legacyKey) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        if (!isBlank(legacyKey)) {
            keys.put(LEGACY_KEY_ID, decode(LEGACY_KEY_ID, legacyKey));
        }
        if (!isBlank(keysSpec)) {
            for (String entry : keysSpec.split(",")) {
                addEntry(keys, entry.trim());
            }
        }
        if (keys.isEmpty()) {
            if (!isBlank(currentKeyId)) {
                throw new IllegalArgumentException("the current token key '" + currentKeyId.trim()
                        + "' is named but no token encryption key is configured");
            }
            return null;
        }
        return new TokenKeyRing(keys, current(keys, currentKeyId));
    }

    /** One random key, for a local run with nothing configured: what it encrypts does not survive a restart. */
    public static TokenKeyRing ephemeral() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return single(EPHEMERAL_PREFIX + HexFormat.of().formatHex(key, 0, 4), key);
    }

    public static TokenKeyRing single(String keyId, byte[] key) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        keys.put(requireId(keyId), requireLength(keyId, key.clone()));
        return new TokenKeyRing(keys, keyId);
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    public Set<String> keyIds() {
        return keys.keySet();
    }

    public boolean isEphemeral() {
        return currentKeyId.startsWith(EPHEMERAL_PREFIX);
    }

    byte[] key(String keyId) {
        return keys.get(keyId);
    }

    private static void addEntry(Map<String, byte[]> keys, String entry) {
        int colon = entry.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("token encryption keys are 'id:base64key' separated by commas; an entry "
                    + "has no id");
        }
        String id = requireId(entry.substring(0, colon).trim());
        if (keys.containsKey(id)) {
            throw new IllegalArgumentException("token key id '" + id + "' is configured twice"
                    + (id.equals(LEGACY_KEY_ID) ? " (TOKEN_ENCRYPTION_KEY is already the key '" + LEGACY_KEY_ID + "')" : ""));
        }
        keys.put(id, decode(id, entry.substring(colon + 1)));
    }

    private static String current(Map<String, byte[]> keys, String currentKeyId) {
        if (isBlank(currentKeyId)) {
            if (keys.size() > 1) {
                throw new IllegalArgumentException("several token keys are configured " + keys.keySet()
                        + ": name the one new tokens are encrypted with (TOKEN_ENCRYPTION_CURRENT_KEY)");
            }
            return keys.keySet().iterator().next();
        }
        String current = currentKeyId.trim();
        if (!keys.containsKey(current)) {
            throw new IllegalArgumentException("the current token key '" + current + "' is not among the configured keys "
                    + keys.keySet());
        }
        return current;
    }

    private static String requireId(String id) {
        if (!KEY_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a token key id must be 1-40 letters, digits, '.', '_' or '-', got '"
                    + id + "'");
        }
        return id;
    }

    private static byte[] decode(String id, String base64) {
        try {
            return requireLength(id, Base64.getDecoder().decode(base64.trim()));
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("the token key")) {
                throw e;
            }
            throw new IllegalArgumentException("the token key '" + id + "' is not valid Base64");
        }
    }

    private static byte[] requireLength(String id, byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the token key '" + id + "' must be 32 bytes (AES-256), got " + key.length);
        }
        return key;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
