package com.cpsync.mapping.application.port;

import java.time.Instant;

import com.cpsync.mapping.domain.connection.TokenCipher;
import com.cpsync.mapping.domain.connection.TokenPair;

/** A token pair as it is stored: both tokens ciphertext, expiries in clear. */
public record EncryptedTokens(String accessTokenEnc, String refreshTokenEnc, Instant accessExpiresAt,
                              Instant refreshExpiresAt) {

    public static EncryptedTokens of(TokenPair pair, TokenCipher cipher) {
        return new EncryptedTokens(cipher.encrypt(pair.accessToken()), cipher.encrypt(pair.refreshToken()),
                pair.accessExpiresAt(), pair.refreshExpiresAt());
    }
}
