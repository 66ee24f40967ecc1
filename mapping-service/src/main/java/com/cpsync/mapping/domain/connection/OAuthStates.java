package com.cpsync.mapping.domain.connection;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/** The OAuth {@code state} parameter: unguessable, single-use and short-lived (CSRF protection). */
public final class OAuthStates {

    private static final SecureRandom RANDOM = new SecureRandom();

    private OAuthStates() {
    }

    /** 256 random bits, URL-safe. */
    public static String newState() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static boolean isExpired(Instant createdAt, Duration ttl, Instant now) {
        return !createdAt.plus(ttl).isAfter(now);
    }
}
