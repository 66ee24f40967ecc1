package com.cpsync.syncsupport.auth;

import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;

import com.cpsync.testsupport.MutableClock;
import com.cpsync.testsupport.auth.TestServiceKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceTokensTest {

    private final MutableClock clock = new MutableClock();
    private final ServiceTokens tokens = ServiceTokens.of("qbo-inbound-service", TestServiceKeys.privateKey(), clock);

    @Test
    void shouldSignAShortLivedTokenThatNamesTheServiceForMappingService() {
        String token = bearerToken();

        // signed with the service's key: verifies against its public key
        Jwt jwt = TestServiceKeys.decodeIgnoringTime(token);
        assertThat(jwt.getClaimAsString("iss")).isEqualTo("qbo-inbound-service");
        assertThat(jwt.getSubject()).isEqualTo("qbo-inbound-service");
        assertThat(jwt.getAudience()).containsExactly("mapping-service");
        assertThat(jwt.getIssuedAt()).isEqualTo(clock.instant());
        assertThat(jwt.getExpiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
    }

    @Test
    void shouldReuseATokenUntilAMinuteBeforeItExpires() {
        String first = bearerToken();

        clock.advance(Duration.ofMinutes(3).plusSeconds(59));
        assertThat(bearerToken()).isEqualTo(first);

        clock.advance(Duration.ofSeconds(1));
        String renewed = bearerToken();
        assertThat(renewed).isNotEqualTo(first);
        assertThat(TestServiceKeys.decodeIgnoringTime(renewed).getIssuedAt()).isEqualTo(clock.instant());
    }

    @Test
    void shouldSendNothingWithoutAKey() {
        assertThat(ServiceTokens.of("cp-outbound-service", " ", clock).authorization()).isEmpty();
    }

    @Test
    void shouldReadAPemKeyAsWellAsBareBase64() {
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                Base64.getDecoder().decode(TestServiceKeys.privateKey())) + "\n-----END PRIVATE KEY-----\n";

        String token = ServiceTokens.of("cp-outbound-service", pem, clock).authorization().orElseThrow().substring(7);

        assertThat(TestServiceKeys.decodeIgnoringTime(token).getSubject()).isEqualTo("cp-outbound-service");
    }

    @Test
    void shouldRefuseABadKeyWithoutQuotingIt() {
        String notAKey = "c2VjcmV0LXNlY3JldC1zZWNyZXQ=";

        assertThatThrownBy(() -> ServiceTokens.of("cp-outbound-service", notAKey, clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SERVICE_AUTH_PRIVATE_KEY")
                .hasMessageNotContaining(notAKey);
        assertThat(ServiceTokens.of("cp-outbound-service", TestServiceKeys.privateKey(), clock).toString())
                .isEqualTo("ServiceTokens[cp-outbound-service]");
    }

    private String bearerToken() {
        String authorization = tokens.authorization().orElseThrow();
        assertThat(authorization).startsWith("Bearer ");
        return authorization.substring("Bearer ".length());
    }
}
