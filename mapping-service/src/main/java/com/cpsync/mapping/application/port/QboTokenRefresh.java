package com.cpsync.mapping.application.port;

import com.cpsync.mapping.domain.connection.TokenPair;

/** QBO's token endpoint for refreshes. Refresh tokens rotate: once the new pair is issued the old one is dead. */
public interface QboTokenRefresh {

    /**
     * @throws InvalidGrantException when the refresh token is dead (revoked, expired or already rotated)
     * @throws TokenEndpointException when the token endpoint fails in a way that may pass
     */
    TokenPair refresh(String refreshToken);
}
