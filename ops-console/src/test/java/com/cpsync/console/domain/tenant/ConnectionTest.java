package com.cpsync.console.domain.tenant;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionTest {

    private static final Instant NOW = Instant.parse("2026-05-02T09:00:00Z");

    @Test
    void shouldStateAConnectionWithTheMinutesLeftOnItsAccessToken() {
        Connection connection = Connection.of(Optional.of(new ConnectionState("acme", "9130", true,
                NOW.plusSeconds(42 * 60 + 30))), NOW);

        assertThat(connection.status()).isEqualTo(Connection.Status.CONNECTED);
        assertThat(connection.accessTokenExpiresAt()).isEqualTo(NOW.plusSeconds(42 * 60 + 30));
        assertThat(connection.detail()).isEqualTo("realm 9130; access token expires in 42 min (2026-05-02T09:42:30Z)");
    }

    @Test
    void shouldSayAnExpiredAccessTokenIsRefreshedWhenNextUsed() {
        Connection connection = Connection.of(Optional.of(new ConnectionState("acme", "9130", true,
                NOW.minusSeconds(20))), NOW);

        assertThat(connection.status()).isEqualTo(Connection.Status.CONNECTED);
        assertThat(connection.detail()).contains("expired under a minute ago", "refreshed when next used");
    }

    @Test
    void shouldSayNotConnectedWhenMappingServiceListsNoLiveConnection() {
        assertThat(Connection.of(Optional.empty(), NOW).status()).isEqualTo(Connection.Status.NOT_CONNECTED);
        assertThat(Connection.of(Optional.of(new ConnectionState("acme", "9130", false, null)), NOW).status())
                .isEqualTo(Connection.Status.NOT_CONNECTED);
    }

    @Test
    void shouldSayWhyTheStateIsUnknown() {
        Connection unknown = Connection.unknown("401 Unauthorized");

        assertThat(unknown.status()).isEqualTo(Connection.Status.UNKNOWN);
        assertThat(unknown.detail()).isEqualTo("mapping-service did not answer: 401 Unauthorized");
    }
}
