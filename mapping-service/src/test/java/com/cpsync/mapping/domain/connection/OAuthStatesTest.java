package com.cpsync.mapping.domain.connection;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OAuthStatesTest {

    @Test
    void shouldMakeUnguessableUrlSafeStates() {
        Set<String> states = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            states.add(OAuthStates.newState());
        }

        assertThat(states).hasSize(1000).allSatisfy(s -> assertThat(s).matches("[A-Za-z0-9_-]{43}"));
    }

    @Test
    void shouldExpireAStateAfterItsTtl() {
        Instant created = Instant.parse("2026-11-26T10:00:00Z");
        Duration ttl = Duration.ofMinutes(10);

        assertThat(OAuthStates.isExpired(created, ttl, created.plusSeconds(599))).isFalse();
        assertThat(OAuthStates.isExpired(created, ttl, created.plusSeconds(600))).isTrue();
    }
}
