package com.cpsync.mapping.application;

import java.net.URI;
import java.time.Duration;

import com.cpsync.mapping.application.port.ConnectionStore.StoredConnection;
import com.cpsync.mapping.application.port.TokenEndpointException;
import com.cpsync.mapping.domain.connection.ConnectionStatus;
import com.cpsync.mapping.domain.connection.TokenCipher;
import com.cpsync.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import static com.cpsync.mapping.application.ApiExceptionAssert.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

class ConnectToQboTest {

    private static final Duration STATE_TTL = Duration.ofMinutes(10);

    private final MutableClock clock = new MutableClock();
    private final InMemoryOAuthStateStore states = new InMemoryOAuthStateStore();
    private final InMemoryConnectionStore connections = new InMemoryConnectionStore();
    private final FakeQbo qbo = new FakeQbo(clock);
    private final TokenCipher cipher = new TokenCipher(TokenCipher.randomKey());
    private final ConnectToQbo connect = new ConnectToQbo(states, connections, qbo, cipher, STATE_TTL, clock);

    @Test
    void shouldSendTheUserToQboWithAFreshStateBoundToTheTenant() {
        URI first = connect.authorizeUrl("t1", "realm-1");
        URI second = connect.authorizeUrl("t1", null);

        String state = stateOf(first);
        assertThat(first.toString()).endsWith("&realmId=realm-1");
        assertThat(stateOf(second)).isNotEqualTo(state);
        assertThat(states.pending().get(state).tenantId()).isEqualTo("t1");
        assertThat(states.pending().get(state).createdAt()).isEqualTo(clock.instant());
    }

    @Test
    void shouldDropAbandonedStatesWhenAFlowStarts() {
        String abandoned = stateOf(connect.authorizeUrl("t1", null));
        clock.advance(STATE_TTL.plusSeconds(1));

        String fresh = stateOf(connect.authorizeUrl("t2", null));

        assertThat(states.pending()).containsOnlyKeys(fresh).doesNotContainKey(abandoned);
    }

    @Test
    void shouldConnectWithTheGrantedCodeAndStoreTheTokensEncrypted() {
        String state = stateOf(connect.authorizeUrl("t1", "realm-1"));

        ConnectionView view = connect.completeAuthorization(qbo.grantCode(), state, "realm-1", null);

        assertThat(view).isEqualTo(new ConnectionView("t1", "realm-1", ConnectionStatus.CONNECTED,
                clock.instant().plus(FakeQbo.ACCESS_TOKEN_LIFETIME)));
        StoredConnection row = connections.row("t1");
        assertThat(row.accessTokenEnc()).startsWith("v2:legacy:").doesNotContain("AT-1");
        assertThat(cipher.decrypt(row.accessTokenEnc())).isEqualTo("AT-1");
        assertThat(cipher.decrypt(row.refreshTokenEnc())).isEqualTo("RT-1");
    }

    @Test
    void shouldRefuseAStateThatIsMissingUnknownOrAlreadyUsed() {
        String state = stateOf(connect.authorizeUrl("t1", null));
        connect.completeAuthorization(qbo.grantCode(), state, "realm-1", null);

        assertRefused(() -> connect.completeAuthorization("c", state, "realm-1", null),
                400, "bad_request", "unknown or already used OAuth state");
        assertRefused(() -> connect.completeAuthorization("c", "never-issued", "realm-1", null),
                400, "bad_request", "unknown or already used OAuth state");
        assertRefused(() -> connect.completeAuthorization("c", " ", "realm-1", null),
                400, "bad_request", "no state parameter");
    }

    @Test
    void shouldRefuseAnExpiredStateAndConsumeItAnyway() {
        String kept = stateOf(connect.authorizeUrl("t1", null));
        String expired = stateOf(connect.authorizeUrl("t2", null));
        clock.advance(STATE_TTL.minusSeconds(1));
        connect.completeAuthorization(qbo.grantCode(), kept, "realm-1", null);
        clock.advance(Duration.ofSeconds(1));

        assertRefused(() -> connect.completeAuthorization(qbo.grantCode(), expired, "realm-2", null),
                400, "bad_request", "has expired");
        assertThat(states.pending()).isEmpty();
        assertThat(connections.row("t2")).isNull();
    }

    @Test
    void shouldRefuseACallbackThatCarriesAnErrorOrLacksTheCodeOrTheRealm() {
        assertRefused(() -> connect.completeAuthorization(null, newState("t1"), "realm-1", "access_denied"),
                400, "bad_request", "QBO did not grant access: access_denied");
        assertRefused(() -> connect.completeAuthorization(null, newState("t1"), "realm-1", null),
                400, "bad_request", "needs both code and realmId");
        assertRefused(() -> connect.completeAuthorization(qbo.grantCode(), newState("t1"), "", null),
                400, "bad_request", "needs both code and realmId");
        assertThat(states.pending()).as("each refused state is used up").isEmpty();
    }

    @Test
    void shouldRefuseARealmThatServesAnotherTenantButReconnectTheSameTenant() {
        connect.completeAuthorization(qbo.grantCode(), newState("t1"), "realm-1", null);

        assertRefused(() -> connect.completeAuthorization(qbo.grantCode(), newState("t2"), "realm-1", null),
                409, "conflict", "QBO realm realm-1 is already connected to tenant t1");
        connect.completeAuthorization(qbo.grantCode(), newState("t1"), "realm-1", null);

        assertThat(cipher.decrypt(connections.row("t1").accessTokenEnc())).isEqualTo("AT-2");
        assertThat(connections.row("t2")).isNull();
    }

    @Test
    void shouldNeverRepointAConnectedTenantToAnotherRealmWithoutADisconnect() {
        connect.completeAuthorization(qbo.grantCode(), newState("t1"), "realm-1", null);

        String message = "tenant t1 is connected to QBO realm realm-1; disconnect it first "
                + "(DELETE /tenants/t1/connection) to connect realm realm-2";
        assertRefused(() -> connect.authorizeUrl("t1", "realm-2"), 409, "conflict", message);
        // without a hint the realm is known only at the callback, which refuses it the same way
        assertRefused(() -> connect.completeAuthorization(qbo.grantCode(), newState("t1"), "realm-2", null),
                409, "conflict", message);
        assertThat(connections.row("t1").realmId()).isEqualTo("realm-1");
        assertThat(cipher.decrypt(connections.row("t1").accessTokenEnc())).isEqualTo("AT-1");

        connect.disconnect("t1");
        connect.completeAuthorization(qbo.grantCode(), stateOf(connect.authorizeUrl("t1", "realm-2")), "realm-2", null);
        assertThat(connections.row("t1").realmId()).isEqualTo("realm-2");
    }

    @Test
    void shouldTellARefusedCodeFromAFailingTokenEndpoint() {
        assertRefused(() -> connect.completeAuthorization("forged-code", newState("t1"), "realm-1", null),
                400, "bad_request", "QBO rejected the authorization code (invalid_grant)");

        qbo.failNextCall(new TokenEndpointException("token endpoint answered HTTP 503"));
        assertRefused(() -> connect.completeAuthorization(qbo.grantCode(), newState("t1"), "realm-1", null),
                502, "token_endpoint_failed", "token endpoint answered HTTP 503");
        assertThat(connections.row("t1")).isNull();
    }

    @Test
    void shouldShowConnectionsByTenantAndRealmWithoutTokens() {
        connect.completeAuthorization(qbo.grantCode(), newState("t2"), "realm-2", null);
        connect.completeAuthorization(qbo.grantCode(), newState("t1"), "realm-1", null);
        ConnectionView t1 = new ConnectionView("t1", "realm-1", ConnectionStatus.CONNECTED,
                clock.instant().plus(FakeQbo.ACCESS_TOKEN_LIFETIME));

        assertThat(connect.byTenant("t1")).isEqualTo(t1);
        assertThat(connect.byRealm("realm-1")).isEqualTo(t1);
        assertThat(connect.connected()).extracting(ConnectionView::tenantId).containsExactly("t1", "t2");
        assertRefused(() -> connect.byTenant("nobody"), 404, "not_found", "tenant nobody has no QBO connection");
        assertRefused(() -> connect.byRealm("realm-9"), 404, "not_found", "no tenant is connected to QBO realm realm-9");
    }

    @Test
    void shouldDropTheTokensWhenATenantDisconnects() {
        connect.completeAuthorization(qbo.grantCode(), newState("t1"), "realm-1", null);

        connect.disconnect("t1");

        assertThat(connect.byTenant("t1")).isEqualTo(new ConnectionView("t1", "realm-1",
                ConnectionStatus.DISCONNECTED, null));
        assertThat(connections.row("t1").accessTokenEnc()).isNull();
        assertThat(connections.row("t1").refreshTokenEnc()).isNull();
        assertThat(connect.connected()).isEmpty();
        assertRefused(() -> connect.disconnect("nobody"), 404, "not_found", "tenant nobody has no QBO connection");
    }

    private String newState(String tenantId) {
        return stateOf(connect.authorizeUrl(tenantId, null));
    }

    private static String stateOf(URI authorizeUrl) {
        String query = authorizeUrl.getQuery();
        return query.substring("state=".length()).split("&")[0];
    }
}
