package com.cpsync.mapping.domain.connection;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RefreshRuleTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void shouldKeepATokenThatLivesLongerThanFiveMinutes() {
        assertThat(RefreshRule.needsRefresh("a1", NOW.plusSeconds(301), null, NOW)).isFalse();
    }

    @Test
    void shouldRefreshATokenExpiringWithinFiveMinutes() {
        assertThat(RefreshRule.needsRefresh("a1", NOW.plusSeconds(300), null, NOW)).isTrue();
        assertThat(RefreshRule.needsRefresh("a1", NOW.minusSeconds(1), null, NOW)).isTrue();
    }

    @Test
    void shouldRefreshTheTokenQboRejected() {
        assertThat(RefreshRule.needsRefresh("a1", NOW.plusSeconds(3000), "a1", NOW)).isTrue();
        assertThat(RefreshRule.needsRefresh("a2", NOW.plusSeconds(3000), "a1", NOW)).isFalse();
    }

    @Test
    void shouldNotRefreshAgainWhenSomeoneElseRefreshedMeanwhile() {
        // stored token changed since we looked, and it is still alive: use it even if it is short-lived
        assertThat(RefreshRule.stillNeedsRefresh("a1", "a2", NOW.plusSeconds(60), null, NOW)).isFalse();
    }

    @Test
    void shouldStillRefreshWhenTheStoredTokenIsTheOneWeSaw() {
        assertThat(RefreshRule.stillNeedsRefresh("a1", "a1", NOW.plusSeconds(60), null, NOW)).isTrue();
    }

    @Test
    void shouldStillRefreshWhenTheNewerTokenIsTheRejectedOne() {
        assertThat(RefreshRule.stillNeedsRefresh("a1", "a2", NOW.plusSeconds(3000), "a2", NOW)).isTrue();
    }
}
