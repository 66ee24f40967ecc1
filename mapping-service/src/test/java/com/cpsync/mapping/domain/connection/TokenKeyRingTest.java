package com.cpsync.mapping.domain.connection;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenKeyRingTest {

    private static final String KEY_A = Base64.getEncoder().encodeToString(TokenCipher.randomKey());
    private static final String KEY_B = Base64.getEncoder().encodeToString(TokenCipher.randomKey());

    @Test
    void shouldTreatTheSingleKeySettingAsAOneKeyRingNamedLegacy() {
        TokenKeyRing ring = TokenKeyRing.configured("", "", KEY_A);

        assertThat(ring.keyIds()).containsExactly("legacy");
        assertThat(ring.currentKeyId()).isEqualTo("legacy");
        assertThat(ring.isEphemeral()).isFalse();
    }

    @Test
    void shouldAddTheSingleKeyToTheListedKeysAsLegacy() {
        TokenKeyRing ring = TokenKeyRing.configured("k2:" + KEY_B, "k2", KEY_A);

        assertThat(ring.keyIds()).containsExactly("legacy", "k2");
        assertThat(ring.currentKeyId()).isEqualTo("k2");
    }

    @Test
    void shouldTakeTheOnlyListedKeyAsCurrentWhenNoneIsNamed() {
        assertThat(TokenKeyRing.configured(" k1 : " + KEY_A + " ", null, null).currentKeyId()).isEqualTo("k1");
    }

    @Test
    void shouldBeNullWhenNothingIsConfigured() {
        assertThat(TokenKeyRing.configured(null, null, "  ")).isNull();
    }

    @Test
    void shouldGiveARandomKeyAnIdNobodyCanConfigure() {
        TokenKeyRing first = TokenKeyRing.ephemeral();

        assertThat(first.currentKeyId()).startsWith(TokenKeyRing.EPHEMERAL_PREFIX)
                .isNotEqualTo(TokenKeyRing.ephemeral().currentKeyId());
        assertThat(first.isEphemeral()).isTrue();
    }

    @Test
    void shouldRefuseSeveralKeysWithoutACurrentOne() {
        assertThatThrownBy(() -> TokenKeyRing.configured("a:" + KEY_A + ",b:" + KEY_B, "", null))
                .hasMessageContaining("several token keys are configured [a, b]")
                .hasMessageContaining("TOKEN_ENCRYPTION_CURRENT_KEY");
    }

    @Test
    void shouldRefuseACurrentKeyThatIsNotConfigured() {
        assertThatThrownBy(() -> TokenKeyRing.configured("a:" + KEY_A, "b", null))
                .hasMessage("the current token key 'b' is not among the configured keys [a]");
        assertThatThrownBy(() -> TokenKeyRing.configured("", "b", null))
                .hasMessageContaining("no token encryption key is configured");
    }

    @Test
    void shouldRefuseMalformedEntriesWithoutShowingKeyMaterial() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> TokenKeyRing.configured("a:" + shortKey, null, null))
                .hasMessage("the token key 'a' must be 32 bytes (AES-256), got 16");
        assertThatThrownBy(() -> TokenKeyRing.configured("a:not-base64!", null, null))
                .hasMessage("the token key 'a' is not valid Base64");
        assertThatThrownBy(() -> TokenKeyRing.configured(KEY_A, null, null))
                .hasMessageContaining("an entry has no id").hasMessageNotContaining(KEY_A);
        assertThatThrownBy(() -> TokenKeyRing.configured("a b:" + KEY_A, null, null))
                .hasMessageContaining("a token key id must be");
        assertThatThrownBy(() -> TokenKeyRing.configured("a:" + KEY_A + ",a:" + KEY_B, "a", null))
                .hasMessage("token key id 'a' is configured twice").hasMessageNotContaining(KEY_B);
        assertThatThrownBy(() -> TokenKeyRing.configured("legacy:" + KEY_B, null, KEY_A))
                .hasMessageContaining("TOKEN_ENCRYPTION_KEY is already the key 'legacy'");
    }
}
