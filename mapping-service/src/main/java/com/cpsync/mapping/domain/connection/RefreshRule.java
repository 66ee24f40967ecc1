package com.cpsync.mapping.domain.connection;

import java.time.Duration;
import java.time.Instant;

/** When a stored access token must be refreshed before it is handed out. */
public final class RefreshRule {

    /** Refresh this long before expiry so a caller never starts a QBO call with a token about to die. */
    public static final Duration MARGIN = Duration.ofMinutes(5);

    private RefreshRule() {
    }

    public static boolean needsRefresh(String accessToken, Instant expiresAt, String rejectedAccessToken, Instant now) {
        if (accessToken == null || expiresAt == null) {
            return true;
        }
        if (rejectedAccessToken != null && rejectedAccessToken.equals(accessToken)) {
            return true;
        }
        return !expiresAt.isAfter(now.plus(MARGIN));
    }

    /**
     * Decided again under the per-realm lock: when the stored token is no longer the one that made us want a
     * refresh, someone else refreshed meanwhile, and refreshing again would only rotate the pair twice.
     */
    public static boolean stillNeedsRefresh(String seenAccessToken, String storedAccessToken, Instant storedExpiresAt,
                                            String rejectedAccessToken, Instant now) {
        if (storedAccessToken != null && !storedAccessToken.equals(seenAccessToken)
                && !storedAccessToken.equals(rejectedAccessToken)
                && storedExpiresAt != null && storedExpiresAt.isAfter(now)) {
            return false;
        }
        return needsRefresh(storedAccessToken, storedExpiresAt, rejectedAccessToken, now);
    }
}
