package com.cpsync.mapping.domain.connection;

import java.time.Instant;

/** A token endpoint answer, in plaintext: never log it ({@link #toString()} hides the values). */
public record TokenPair(String accessToken, String refreshToken, Instant accessExpiresAt, Instant refreshExpiresAt) {

    @Override
    public String toString() {
        return "TokenPair[accessExpiresAt=" + accessExpiresAt + ", refreshExpiresAt=" + refreshExpiresAt + "]";
    }
}
