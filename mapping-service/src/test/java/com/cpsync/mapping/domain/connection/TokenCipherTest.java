package com.cpsync.mapping.domain.connection;

import java.util.Base64;

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

        assertThat(first).doesNotContain(token).isNotEqualTo(second);
        assertThat(new String(Base64.getDecoder().decode(first.substring(3)))).doesNotContain(token);
    }

    @Test
    void shouldDetectTampering() {
        String stored = cipher.encrypt("secret-token");
        byte[] bytes = Base64.getDecoder().decode(stored.substring(3));
        bytes[bytes.length - 1] ^= 0x01;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(bytes);

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
}
