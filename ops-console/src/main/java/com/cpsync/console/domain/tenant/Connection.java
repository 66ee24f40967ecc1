package com.cpsync.console.domain.tenant;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How the tenants page states a tenant's QBO connection: CONNECTED (with the access token's expiry), NOT_CONNECTED
 * (mapping-service lists no live connection: never connected, disconnected, or its refresh token died), or
 * UNKNOWN (mapping-service did not answer; the rest of the page does not depend on it).
 */
public record Connection(Status status, Instant accessTokenExpiresAt, String detail) {

    public enum Status { CONNECTED, NOT_CONNECTED, UNKNOWN }

    public static Connection of(Optional<ConnectionState> state, Instant now) {
        if (state.isEmpty() || !state.get().connected()) {
            return new Connection(Status.NOT_CONNECTED, null,
                    "no live QBO connection: never connected, disconnected, or its refresh token is dead");
        }
        Instant expiresAt = state.get().accessTokenExpiresAt();
        if (expiresAt == null) {
            return new Connection(Status.CONNECTED, null, "realm " + state.get().realmId() + "; token expiry unknown");
        }
        String realm = "realm " + state.get().realmId() + "; ";
        if (expiresAt.isAfter(now)) {
            return new Connection(Status.CONNECTED, expiresAt, realm + "access token expires in "
                    + minutes(Duration.between(now, expiresAt)) + " (" + expiresAt + ")");
        }
        return new Connection(Status.CONNECTED, expiresAt, realm + "access token expired " + minutes(Duration.between(
                expiresAt, now)) + " ago (" + expiresAt + "); refreshed when next used");
    }

    public static Connection unknown(String why) {
        return new Connection(Status.UNKNOWN, null, "mapping-service did not answer: " + why);
    }

    private static String minutes(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes < 1 ? "under a minute" : minutes + " min";
    }
}
