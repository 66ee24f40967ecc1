package com.cpsync.mapping.application;

import java.time.Instant;

/** An access token handed to a sync service; {@link #toString()} hides the value so it cannot end up in a log. */
public record AccessToken(String realmId, String accessToken, Instant expiresAt) {

    @Override
    public String toString() {
        return "AccessToken[realmId=" + realmId + ", expiresAt=" + expiresAt + "]";
    }
}
