package com.cpsync.mapping.application;

import java.time.Instant;
import java.util.Base64;

import com.cpsync.mapping.application.port.EncryptedTokens;
import com.cpsync.mapping.domain.connection.ConnectionStatus;
import com.cpsync.mapping.domain.connection.TokenCipher;
import com.cpsync.mapping.domain.connection.TokenKeyRing;
import com.cpsync.mapping.domain.connection.TokenPair;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

class RotateTokenKeysTest {

    private static final byte[] KEY_A = TokenCipher.randomKey();
    private static final byte[] KEY_B = TokenCipher.randomKey();
    private static final Instant EXPIRES = Instant.parse("2026-01-01T01:00:00Z");

    private final InMemoryConnectionStore connections = new InMemoryConnectionStore();
    private final InMemoryTokenKeyStore keys = new InMemoryTokenKeyStore(connections);
    private final TokenCipher underA = new TokenCipher(TokenKeyRing.single("a", KEY_A));
    private final TokenCipher underAAndB = new TokenCipher(
            TokenKeyRing.configured("a:" + base64(KEY_A) + ",b:" + base64(KEY_B), "b", null));

    @Test
    void shouldMoveEveryRowToTheCurrentKeyInBatchesKeepingTheTokens() {
        for (int i = 1; i <= 5; i++) {
            connect("t" + i, underA);
        }

        int moved = rotation(underAAndB, 2).reEncryptAll();

        assertThat(moved).isEqualTo(5);
        assertThat(keys.batchSizes()).containsExactly(2, 2, 1);
        assertThat(keys.rowsPerKeyId()).containsOnlyKeys("b").containsEntry("b", 5L);
        for (int i = 1; i <= 5; i++) {
            assertThat(underAAndB.decrypt(connections.row("t" + i).accessTokenEnc())).isEqualTo("AT-t" + i);
            assertThat(underAAndB.decrypt(connections.row("t" + i).refreshTokenEnc())).isEqualTo("RT-t" + i);
            assertThat(connections.row("t" + i).accessExpiresAt()).isEqualTo(EXPIRES);
        }
        assertThat(rotation(underAAndB, 2).usage().unusedKeyIds()).containsExactly("a");
    }

    @Test
    void shouldDoNothingWhenEveryRowIsUnderTheCurrentKey() {
        connect("t1", underAAndB);

        assertThat(rotation(underAAndB, 10).reEncryptAll()).isZero();
        assertThat(connections.events()).containsExactly("connect t1");
    }

    @Test
    void shouldLeaveARowAnotherInstanceHoldsForALaterRun() {
        connect("t1", underA);
        connect("t2", underA);
        keys.holdElsewhere("t1");

        assertThat(rotation(underAAndB, 10).reEncryptAll()).isEqualTo(1);
        assertThat(keys.rowsPerKeyId()).containsEntry("a", 1L).containsEntry("b", 1L);

        keys.release("t1");
        assertThat(rotation(underAAndB, 10).reEncryptAll()).isEqualTo(1);
        assertThat(keys.rowsPerKeyId()).containsOnlyKeys("b");
    }

    @Test
    void shouldDisconnectARowThatCannotBeDecryptedSoItDoesNotBlockTheRotation() {
        connect("t1", underA);
        connect("t2", new TokenCipher(TokenKeyRing.single("a", TokenCipher.randomKey())));

        assertThat(rotation(underAAndB, 1).reEncryptAll()).isEqualTo(2);

        assertThat(connections.row("t1").status()).isEqualTo(ConnectionStatus.CONNECTED);
        assertThat(connections.row("t2").status()).isEqualTo(ConnectionStatus.DISCONNECTED);
        assertThat(connections.events()).contains("disconnect t2 in transaction");
        assertThat(keys.rowsPerKeyId()).containsOnlyKeys("b");
    }

    @Test
    void shouldLeaveRowsUnderAKeyThisInstanceDoesNotHaveAlone() {
        connect("t1", underAAndB);
        connect("t2", underA);

        // an instance still on the old ring (only A, current) during a rolling deployment
        assertThat(rotation(underA, 10).reEncryptAll()).isZero();

        assertThat(connections.row("t1").status()).isEqualTo(ConnectionStatus.CONNECTED);
        assertThat(keys.rowsPerKeyId()).containsEntry("a", 1L).containsEntry("b", 1L);
        assertThat(keys.batchSizes()).isEmpty();
    }

    @Test
    void shouldRefuseToStartWhenAStoredRowNamesAKeyThatIsNotConfigured() {
        connect("t1", underA);
        TokenCipher onlyB = new TokenCipher(TokenKeyRing.single("b", KEY_B));

        assertThatThrownBy(() -> rotation(onlyB, 10).requireEveryStoredKeyConfigured())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("mapping-service cannot start: stored QBO tokens are encrypted under token "
                        + "key(s) [a] that are not configured (1 under 'a'; configured: [b])");
        assertThatNoException().isThrownBy(() -> rotation(underAAndB, 10).requireEveryStoredKeyConfigured());
    }

    @Test
    void shouldOnlyWarnWithARandomPerStartKeyBecauseNothingCanReadTheRowsAnyway() {
        connect("t1", underA);

        assertThatNoException().isThrownBy(() -> rotation(new TokenCipher(TokenKeyRing.ephemeral()), 10)
                .requireEveryStoredKeyConfigured());
    }

    private RotateTokenKeys rotation(TokenCipher cipher, int batchSize) {
        return new RotateTokenKeys(keys, connections, cipher, connections.transactions(), batchSize);
    }

    private void connect(String tenantId, TokenCipher cipher) {
        TokenPair pair = new TokenPair("AT-" + tenantId, "RT-" + tenantId, EXPIRES, EXPIRES.plusSeconds(86_400));
        connections.upsertConnected(tenantId, "realm-" + tenantId, EncryptedTokens.of(pair, cipher));
    }

    private static String base64(byte[] key) {
        return Base64.getEncoder().encodeToString(key);
    }
}
