package com.cpsync.sandbox.domain.oauth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Authorization codes (single use), access tokens and rotating refresh tokens: a refresh token works once,
 * then only its successor does.
 */
public final class OAuthTokens {

    public record TokenPair(String realmId, String accessToken, String refreshToken, long expiresIn, long refreshExpiresIn) {
    }

    /** {@code invalid_grant}: unknown, used or expired code or refresh token. */
    public static final class InvalidGrant extends RuntimeException {
        public InvalidGrant(String message) {
            super(message);
        }
    }

    private record Grant(String realmId, Instant expiresAt) {
    }

    private record Code(String realmId, String redirectUri, Instant expiresAt) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration codeTtl;
    private final Duration refreshTtl;
    private final Function<String, Duration> accessTtlByRealm;
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, Grant> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();

    public OAuthTokens(Clock clock, Duration codeTtl, Duration refreshTtl, Function<String, Duration> accessTtlByRealm) {
        this.clock = clock;
        this.codeTtl = codeTtl;
        this.refreshTtl = refreshTtl;
        this.accessTtlByRealm = accessTtlByRealm;
    }

    public String issueCode(String realmId, String redirectUri) {
        String code = "AB" + randomToken(24);
        codes.put(code, new Code(realmId, redirectUri, clock.instant().plus(codeTtl)));
        return code;
    }

    public TokenPair exchangeCode(String code, String redirectUri) {
        Code c = code == null ? null : codes.remove(code);
        if (c == null || !clock.instant().isBefore(c.expiresAt())) {
            throw new InvalidGrant("unknown, used or expired authorization code");
        }
        if (redirectUri == null || !redirectUri.equals(c.redirectUri())) {
            throw new InvalidGrant("redirect_uri does not match the authorization request");
        }
        return issue(c.realmId());
    }

    public TokenPair refresh(String refreshToken) {
        Grant g = refreshToken == null ? null : refreshTokens.remove(refreshToken);
        if (g == null || !clock.instant().isBefore(g.expiresAt())) {
            throw new InvalidGrant("unknown, rotated or expired refresh token");
        }
        return issue(g.realmId());
    }

    public void revoke(String token) {
        accessTokens.remove(token);
        refreshTokens.remove(token);
    }

    public TokenPair issue(String realmId) {
        Instant now = clock.instant();
        Duration accessTtl = accessTtlByRealm.apply(realmId);
        String access = "eyJ" + randomToken(48);
        String refresh = "RT1-" + randomToken(32);
        accessTokens.put(access, new Grant(realmId, now.plus(accessTtl)));
        refreshTokens.put(refresh, new Grant(realmId, now.plus(refreshTtl)));
        return new TokenPair(realmId, access, refresh, accessTtl.toSeconds(), refreshTtl.toSeconds());
    }

    /** The realm a live access token belongs to. */
    public Optional<String> realmOf(String accessToken) {
        Grant g = accessToken == null ? null : accessTokens.get(accessToken);
        if (g == null || !clock.instant().isBefore(g.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(g.realmId());
    }

    private String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
