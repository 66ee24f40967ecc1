package com.cpsync.mapping.application.port;

import java.net.URI;

import com.cpsync.mapping.domain.connection.TokenPair;

/** QBO's side of the OAuth 2.0 authorization-code flow. */
public interface QboAuthorization {

    /** Where to send the user to grant access; QBO redirects back with {@code state}, a code and the realm. */
    URI authorizeUrl(String state, String realmHint);

    /**
     * Exchanges the code from the redirect for a token pair.
     *
     * @throws InvalidGrantException when QBO refuses the code
     * @throws TokenEndpointException when the token endpoint fails in a way that may pass
     */
    TokenPair exchangeCode(String code);
}
