package com.cpsync.mapping.application;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.cpsync.mapping.application.port.ConnectionStore.StoredConnection;
import com.cpsync.mapping.application.port.EncryptedTokens;
import com.cpsync.mapping.application.port.RefreshMetrics.RefreshResult;
import com.cpsync.mapping.application.port.TokenEndpointException;
import com.cpsync.mapping.domain.connection.ConnectionStatus;
import com.cpsync.mapping.domain.connection.TokenCipher;
import com.cpsync.mapping.domain.connection.TokenKeyRing;
import com.cpsync.mapping.domain.connection.TokenPair;
import com.cpsync.testsupport.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.cpsync.mapping.application.ApiExceptionAssert.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class IssueAccessTokenTest {

    private static final Duration EXPIRING_WITHIN_MARGIN = Duration.ofMinutes(56);
    private static final Duration EXPIRED = Duration.ofMinutes(61);

    private final MutableClock clock = new MutableClock();
    private final InMemoryConnectionStore connections = new InMemoryConnectionStore();
    private final FakeQbo qbo = new FakeQbo(clock);
    private final TokenCipher cipher = new TokenCipher(TokenCipher.randomKey());
    private final CountingRefreshMetrics metrics = new CountingRefreshMetrics();
    private final IssueAccessToken issue = new IssueAccessToken(connections, qbo, cipher, connections.transactions(),
            metrics, clock);

    private TokenPair connected;

    @BeforeEach
    void connectTenant() {
        connected = qbo.issue();
        connections.upsertConnected("t1", "realm-1", EncryptedTokens.of(connected, cipher));
    }

    @Test
    void shouldHandOutAFreshTokenWithoutRefreshing() {
        assertThat(issue.accessToken("t1", null))
                .isEqualTo(new AccessToken("realm-1", "AT-1", connected.accessExpiresAt()));
        assertThat(qbo.refreshCalls()).isZero();
        assertThat(connections.events()).containsExactly("connect t1");
    }

    @Test
    void shouldRefreshATokenExpiringWithinTheMarginAndStoreTheRotatedPairUnderTheLock() {
        clock.advance(EXPIRING_WITHIN_MARGIN);

        AccessToken token = issue.accessToken("t1", null);

        assertThat(token).isEqualTo(new AccessToken("realm-1", "AT-2", clock.instant().plus(FakeQbo.ACCESS_TOKEN_LIFETIME)));
        assertThat(storedTokens()).containsExactly("AT-2", "RT-2");
        assertThat(qbo.isLive("RT-1")).as("the spent refresh token").isFalse();
        assertThat(connections.events()).containsExactly("connect t1", "lock t1", "update t1 in transaction");
        assertThat(metrics.counts()).isEqualTo(Map.of(RefreshResult.SUCCESS, 1));
    }

    @Test
    void shouldRefreshTheTokenQboRejectedOnlyOnce() {
        AccessToken refreshed = issue.accessToken("t1", "AT-1");
        // a second caller reports the same rejection late: the stored token is already a newer one
        AccessToken late = issue.accessToken("t1", "AT-1");

        assertThat(refreshed.accessToken()).isEqualTo("AT-2");
        assertThat(late).isEqualTo(refreshed);
        assertThat(qbo.refreshCalls()).isEqualTo(1);
    }

    @Test
    void shouldUseTheTokenAnotherInstanceRefreshedWhileThisOneWaitedForTheLock() {
        clock.advance(EXPIRING_WITHIN_MARGIN);
        connections.beforeNextLock(() -> connections.updateTokens("t1",
                EncryptedTokens.of(qbo.refresh("RT-1"), cipher)));

        AccessToken token = issue.accessToken("t1", null);

        assertThat(token.accessToken()).isEqualTo("AT-2");
        assertThat(qbo.refreshCalls()).as("only the other instance's").isEqualTo(1);
        assertThat(metrics.counts()).isEmpty();
    }

    @Test
    void shouldDisconnectUnderTheLockAndCommitItWhenTheRefreshTokenIsDead() {
        qbo.revoke("RT-1");

        assertRefused(() -> issue.accessToken("t1", "AT-1"), 409, "disconnected",
                "tenant t1 must reconnect to QBO: its refresh token is dead");

        assertThat(connections.row("t1").status()).isEqualTo(ConnectionStatus.DISCONNECTED);
        assertThat(connections.row("t1").refreshTokenEnc()).isNull();
        assertThat(connections.events()).containsExactly("connect t1", "lock t1", "disconnect t1 in transaction");
        assertThat(metrics.counts()).isEqualTo(Map.of(RefreshResult.INVALID_GRANT, 1));
    }

    /**
     * Stored tokens this instance cannot read: tampered or under another key (typically a restart with a new random
     * key), only reconnecting helps; under a key id it lacks, it is a configuration gap and the connection stays.
     */
    static Stream<Arguments> unreadableStoredTokens() {
        return Stream.of(
                Arguments.of("another key: disconnected", new TokenCipher(TokenCipher.randomKey()), 409,
                        "disconnected", "tenant t1 must reconnect to QBO: its stored tokens cannot be decrypted",
                        ConnectionStatus.DISCONNECTED),
                Arguments.of("a key this instance lacks: kept",
                        new TokenCipher(TokenKeyRing.single("k2", TokenCipher.randomKey())), 503, "token_key_missing",
                        "stored QBO tokens are encrypted under token key 'k2', which is not configured on this instance",
                        ConnectionStatus.CONNECTED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableStoredTokens")
    void shouldDisconnectOnlyWhenTheStoredAccessTokenCanNeverBeDecrypted(String storedUnder, TokenCipher storedWith,
            int status, String code, String message, ConnectionStatus statusAfter) {
        connections.upsertConnected("t1", "realm-1", EncryptedTokens.of(qbo.issue(), storedWith));

        assertRefused(() -> issue.accessToken("t1", null), status, code, message);

        assertThat(connections.row("t1").status()).isEqualTo(statusAfter);
        assertThat(qbo.refreshCalls()).isZero();
    }

    @Test
    void shouldDisconnectUnderTheLockWhenOnlyTheStoredRefreshTokenCannotBeDecrypted() {
        EncryptedTokens stored = EncryptedTokens.of(connected, cipher);
        connections.upsertConnected("t1", "realm-1", new EncryptedTokens(stored.accessTokenEnc(), "v1:AAAA",
                stored.accessExpiresAt(), stored.refreshExpiresAt()));

        assertRefused(() -> issue.accessToken("t1", "AT-1"), 409, "disconnected", "cannot be decrypted");

        assertThat(connections.row("t1").status()).isEqualTo(ConnectionStatus.DISCONNECTED);
        assertThat(connections.events()).endsWith("lock t1", "disconnect t1 in transaction");
        assertThat(qbo.refreshCalls()).isZero();
    }

    @Test
    void shouldHandOutTheStillValidTokenWhenARefreshFailsTransiently() {
        clock.advance(EXPIRING_WITHIN_MARGIN);
        qbo.failNextCall(new TokenEndpointException("token endpoint answered HTTP 503"));

        assertThat(issue.accessToken("t1", null).accessToken()).isEqualTo("AT-1");

        assertThat(storedTokens()).containsExactly("AT-1", "RT-1");
        assertThat(metrics.counts()).isEqualTo(Map.of(RefreshResult.ERROR, 1));
    }

    @Test
    void shouldAnswerUnavailableWhenARefreshFailsTransientlyAndNoUsableTokenIsLeft() {
        qbo.failNextCall(new TokenEndpointException("token endpoint answered HTTP 503"));
        assertRefused(() -> issue.accessToken("t1", "AT-1"), 503, "token_endpoint_failed",
                "QBO token refresh failed: token endpoint answered HTTP 503");

        clock.advance(EXPIRED);
        qbo.failNextCall(new TokenEndpointException("token endpoint unreachable: ConnectException"));
        assertRefused(() -> issue.accessToken("t1", null), 503, "token_endpoint_failed", "unreachable");

        assertThat(connections.row("t1").status()).isEqualTo(ConnectionStatus.CONNECTED);
        assertThat(storedTokens()).containsExactly("AT-1", "RT-1");
        assertThat(connections.events()).endsWith("lock t1", "rollback");
    }

    @Test
    void shouldAnswerDisconnectedForATenantThatIsNotConnected() {
        connections.disconnect("t1");

        assertRefused(() -> issue.accessToken("t1", null), 409, "disconnected", "tenant t1 is not connected to QBO");
        assertRefused(() -> issue.accessToken("nobody", null), 409, "disconnected", "not connected");
    }

    @Test
    void shouldRefreshOnceWhenTwoCallersFindTheTokenExpired() throws Exception {
        clock.advance(EXPIRED);
        CountDownLatch endpointAnswers = new CountDownLatch(1);
        qbo.onRefresh(() -> awaitQuietly(endpointAnswers));
        FutureTask<AccessToken> first = new FutureTask<>(() -> issue.accessToken("t1", null));
        FutureTask<AccessToken> second = new FutureTask<>(() -> issue.accessToken("t1", null));

        new Thread(first).start();
        await().until(() -> qbo.refreshCalls() == 1);
        Thread secondCaller = new Thread(second);
        secondCaller.start();
        await().until(() -> secondCaller.getState() == Thread.State.WAITING); // parked on the realm's lock
        endpointAnswers.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS).accessToken()).isEqualTo("AT-2");
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(first.get());
        assertThat(qbo.refreshCalls()).isEqualTo(1);
    }

    private List<String> storedTokens() {
        StoredConnection row = connections.row("t1");
        return List.of(cipher.decrypt(row.accessTokenEnc()), cipher.decrypt(row.refreshTokenEnc()));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
