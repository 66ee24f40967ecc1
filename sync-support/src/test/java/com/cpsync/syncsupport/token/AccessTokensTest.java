package com.cpsync.syncsupport.token;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.cpsync.syncsupport.mapping.AccessGrant;
import com.cpsync.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class AccessTokensTest {

    private final MutableClock clock = new MutableClock();
    private final List<String> asked = new ArrayList<>();
    private final AccessTokens tokens = new AccessTokens((tenant, rejected) -> {
        asked.add(tenant + "/" + rejected);
        return new AccessGrant("realm-" + tenant, "token-" + asked.size(), clock.instant().plus(Duration.ofHours(1)));
    }, clock);

    @Test
    void shouldReuseATokenUntilShortlyBeforeItExpires() {
        assertThat(tokens.current("t1").accessToken()).isEqualTo("token-1");
        clock.advance(Duration.ofHours(1).minus(AccessTokens.EXPIRY_MARGIN).minusSeconds(1));
        assertThat(tokens.current("t1").accessToken()).isEqualTo("token-1");

        clock.advance(Duration.ofSeconds(1));

        assertThat(tokens.current("t1").accessToken()).isEqualTo("token-2");
        assertThat(asked).containsExactly("t1/null", "t1/null");
    }

    @Test
    void shouldNameTheRejectedTokenWhenRenewing() {
        String first = tokens.current("t1").accessToken();

        AccessGrant renewed = tokens.renew("t1", first);

        assertThat(renewed.accessToken()).isEqualTo("token-2");
        assertThat(tokens.current("t1")).isEqualTo(renewed);
        assertThat(asked).containsExactly("t1/null", "t1/token-1");
    }

    @Test
    void shouldCacheEachTenantOnItsOwn() {
        tokens.current("t1");
        tokens.current("t2");
        tokens.current("t1");

        assertThat(asked).containsExactly("t1/null", "t2/null");
        assertThat(tokens.lastRealm("t2")).contains("realm-t2");
        assertThat(tokens.lastRealm("t3")).isEmpty();
    }

    @Test
    void shouldNeverShowTheTokenInTheGrantsText() {
        assertThat(tokens.current("t1").toString()).doesNotContain("token-1").contains("realm-t1");
    }
}
