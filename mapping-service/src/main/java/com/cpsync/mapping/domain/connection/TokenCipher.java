package com.cpsync.mapping.domain.connection;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for OAuth tokens at rest, under a {@link TokenKeyRing}. A value names the key it was encrypted with,
 * {@code v2:<keyId>:} + Base64(IV ‖ ciphertext ‖ tag), the key id bound as associated data so it cannot be swapped;
 * values from before key ids ({@code v1:} + Base64) are read with the {@link TokenKeyRing#LEGACY_KEY_ID legacy} key.
 * Each value gets a fresh 96-bit IV; the GCM tag makes any change to the stored value fail decryption instead of
 * yielding garbage. New values always use the ring's current key.
 */
public final class TokenCipher {

    private static final String LEGACY_PREFIX = "v1:";
    private static final String PREFIX = "v2:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final TokenKeyRing ring;
    private final SecureRandom random = new SecureRandom();

    public TokenCipher(TokenKeyRing ring) {
        this.ring = ring;
    }

    /** A one-key ring, the key being the {@link TokenKeyRing#LEGACY_KEY_ID legacy} one. */
    public TokenCipher(byte[] key) {
        this(TokenKeyRing.single(TokenKeyRing.LEGACY_KEY_ID, key));
    }

    public static TokenCipher fromBase64(String base64Key) {
        return new TokenCipher(Base64.getDecoder().decode(base64Key.trim()));
    }

    public static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    public TokenKeyRing ring() {
        return ring;
    }

    /** The id of the key a stored value was encrypted with (null for null). */
    public static String keyIdOf(String stored) {
        if (stored == null) {
            return null;
        }
        if (stored.startsWith(LEGACY_PREFIX)) {
            return TokenKeyRing.LEGACY_KEY_ID;
        }
        int end = stored.indexOf(':', PREFIX.length());
        if (!stored.startsWith(PREFIX) || end < 0) {
            throw new TokenDecryptionException("not an encrypted token value");
        }
        return stored.substring(PREFIX.length(), end);
    }

    public String encrypt(String plaintext) {
        String keyId = ring.currentKeyId();
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keyId, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            byte[] body = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_BYTES + body.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(body, 0, out, IV_BYTES, body.length);
            return PREFIX + keyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("token encryption failed", e);
        }
    }

    /**
     * @throws TokenDecryptionException when the value was tampered with, encrypted under another key, or names a
     *                                  key this ring does not have
     */
    public String decrypt(String stored) {
        String keyId = keyIdOf(stored);
        if (stored == null) {
            throw new TokenDecryptionException("not an encrypted token value");
        }
        if (ring.key(keyId) == null) {
            // a random per-start key is gone for good; any other key can still be configured
            throw keyId.startsWith(TokenKeyRing.EPHEMERAL_PREFIX)
                    ? new TokenDecryptionException("encrypted under an earlier random key")
                    : new UnknownTokenKeyException(keyId);
        }
        boolean legacy = stored.startsWith(LEGACY_PREFIX);
        String body = legacy ? stored.substring(LEGACY_PREFIX.length())
                : stored.substring(PREFIX.length() + keyId.length() + 1);
        try {
            byte[] in = Base64.getDecoder().decode(body);
            if (in.length <= IV_BYTES) {
                throw new TokenDecryptionException("encrypted token value is truncated");
            }
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, keyId, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            if (!legacy) {
                cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            }
            byte[] plain = cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new TokenDecryptionException("encrypted token value failed authentication (tampered or wrong key)");
        }
    }

    private Cipher cipher(int mode, String keyId, GCMParameterSpec spec) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(ring.key(keyId), "AES"), spec);
        return cipher;
    }

    public static class TokenDecryptionException extends RuntimeException {
        public TokenDecryptionException(String message) {
            super(message);
        }
    }

    /** The value names a key this ring lacks: not a dead token, another instance (with a newer ring) can read it. */
    public static final class UnknownTokenKeyException extends TokenDecryptionException {
        public UnknownTokenKeyException(String keyId) {
            super("encrypted under token key '" + keyId + "', which is not configured");
        }
    }
}
