package com.cpsync.qbo.client;

import java.util.Objects;

/**
 * The realm (QBO company) to call and a current OAuth access token for it. The token never
 * appears in {@link #toString()} or in logs.
 */
public record QboCredentials(String realmId, String accessToken) {

    public QboCredentials {
        Objects.requireNonNull(realmId, "realmId");
        Objects.requireNonNull(accessToken, "accessToken");
        if (!realmId.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("Invalid QBO realm id: " + realmId);
        }
    }

    @Override
    public String toString() {
        return "QboCredentials[realmId=" + realmId + ", accessToken=***]";
    }
}
