package com.cpsync.mapping.domain.connection;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenCipherTest {

    private final TokenCipher cipher = new TokenCipher(TokenCipher.randomKey());

    @Test
    void shouldRoundTripAToken() {
        String token = "eyJlbmMiOiJBMTI4Q0JDLUhTMjU2IiwiYWxnIjoiZGlyIn0..refresh-é";

        assertThat(cipher.decrypt(cipher.encrypt(token))).isEqualTo(token);
    }

    @Test
    void shouldNotContainThePlaintextAndUseAFreshIvEachTime() {
        String token = "AB11234567890refresh";

        String first = cipher.encrypt(token);
        String second = cipher.encrypt(token);

        assertThat(first).startsWith("v2:legacy:").doesNotContain(token).isNotEqualTo(second);
        assertThat(new String(Base64.getDecoder().decode(body(first)))).doesNotContain(token);
    }

    @Test
    void shouldDetectTampering() {
        String stored = cipher.encrypt("secret-token");
        byte[] bytes = Base64.getDecoder().decode(body(stored));
        bytes[bytes.length - 1] ^= 0x01;
        String tampered = "v2:legacy:" + Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> cipher.decrypt(tampered))
                .isInstanceOf(TokenCipher.TokenDecryptionException.class)
                .hasMessageNotContaining("secret-token");
    }

    @Test
    void shouldNotDecryptUnderAnotherKey() {
        String stored = cipher.encrypt("secret-token");
        TokenCipher other = new TokenCipher(TokenCipher.randomKey());

        assertThatThrownBy(() -> other.decrypt(stored)).isInstanceOf(TokenCipher.TokenDecryptionException.class);
    }

    @Test
    void shouldRejectKeysThatAreNot256Bits() {
        assertThatThrownBy(() -> TokenCipher.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRejectValuesThatWereNeverEncrypted() {
        assertThatThrownBy(() -> cipher.decrypt("plain-token")).isInstanceOf(TokenCipher.TokenDecryptionException.class);
        assertThatThrownBy(() -> cipher.decrypt("v1:AAAA")).isInstanceOf(TokenCipher.TokenDecryptionException.class);
    }

    @Test
    void shouldReadAValueOfEveryKeyInTheRingAndWriteUnderTheCurrentOne() {
        byte[] keyA = TokenCipher.randomKey();
        TokenCipher underA = new TokenCipher(TokenKeyRing.single("a", keyA));
        String storedUnderA = underA.encrypt("token-a");
        TokenCipher ring = new TokenCipher(ring("a", keyA, "b", TokenCipher.randomKey(), "b"));

        String storedUnderB = ring.encrypt("token-b");

        assertThat(ring.decrypt(storedUnderA)).isEqualTo("token-a");
        assertThat(TokenCipher.keyIdOf(storedUnderA)).isEqualTo("a");
        assertThat(TokenCipher.keyIdOf(storedUnderB)).isEqualTo("b");
        assertThat(ring.decrypt(storedUnderB)).isEqualTo("token-b");
    }

    @Test
    void shouldReadValuesStoredBeforeKeyIdsWithTheLegacyKey() throws Exception {
        byte[] key = TokenCipher.randomKey();
        String storedByTheOldFormat = legacyEncrypt(key, "old-token");
        TokenCipher rotated = new TokenCipher(ring("legacy", key, "k2", TokenCipher.randomKey(), "k2"));

        assertThat(TokenCipher.keyIdOf(storedByTheOldFormat)).isEqualTo(TokenKeyRing.LEGACY_KEY_ID);
        assertThat(rotated.decrypt(storedByTheOldFormat)).isEqualTo("old-token");
        assertThat(TokenCipher.keyIdOf(rotated.encrypt("new-token"))).isEqualTo("k2");
    }

    @Test
    void shouldRefuseAValueWhoseKeyIdWasSwapped() {
        byte[] key = TokenCipher.randomKey();
        TokenCipher both = new TokenCipher(ring("a", key, "b", key, "a"));
        String stored = both.encrypt("secret-token");

        // same key material under another id: the id is authenticated, so the swap is detected
        assertThatThrownBy(() -> both.decrypt(stored.replace("v2:a:", "v2:b:")))
                .isInstanceOf(TokenCipher.TokenDecryptionException.class);
    }

    @Test
    void shouldSayWhichKeyIsMissingWithoutShowingTheValue() {
        String stored = new TokenCipher(TokenKeyRing.single("gone", TokenCipher.randomKey())).encrypt("secret-token");

        assertThatThrownBy(() -> cipher.decrypt(stored)).isInstanceOf(TokenCipher.TokenDecryptionException.class)
                .hasMessage("encrypted under token key 'gone', which is not configured");
    }

    private static TokenKeyRing ring(String firstId, byte[] first, String secondId, byte[] second, String current) {
        Base64.Encoder base64 = Base64.getEncoder();
        return TokenKeyRing.configured(firstId + ":" + base64.encodeToString(first) + "," + secondId + ":"
                + base64.encodeToString(second), current, null);
    }

    private static String body(String stored) {
        return stored.substring(stored.lastIndexOf(':') + 1);
    }

    /** The format written before key ids: v1: + Base64(IV, ciphertext, tag), no associated data. */
    private static String legacyEncrypt(byte[] key, String plaintext) throws Exception {
        byte[] iv = new byte[12];
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        byte[] body = aes.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        byte[] out = new byte[iv.length + body.length];
        System.arraycopy(body, 0, out, iv.length, body.length);
        return "v1:" + Base64.getEncoder().encodeToString(out);
    }
}
