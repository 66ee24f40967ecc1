package com.cpsync.mapping.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The token-encryption key ring ({@code keys} = {@code id:base64,id:base64}, {@code currentKey} = the id new tokens
 * are encrypted with) and the background re-encryption's batch size (its interval, {@code rotation-interval}, is read
 * by {@code TokenReEncryptionJob}'s schedule). The single {@code app.token-encryption-key} still works and
 * joins the ring as the key {@code legacy}. {@link #toString()} never shows a key.
 */
@ConfigurationProperties("app.token-encryption")
public record TokenEncryptionProperties(String keys, String currentKey, int rotationBatchSize) {

    public TokenEncryptionProperties {
        if (rotationBatchSize <= 0) {
            rotationBatchSize = 100;
        }
    }

    @Override
    public String toString() {
        return "TokenEncryptionProperties[currentKey=" + currentKey + ", rotationBatchSize=" + rotationBatchSize + "]";
    }
}
