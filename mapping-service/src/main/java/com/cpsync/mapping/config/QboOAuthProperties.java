package com.cpsync.mapping.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The QBO OAuth 2.0 client: endpoints and credentials. {@link #toString()} never shows the secret. */
@ConfigurationProperties("app.qbo")
public record QboOAuthProperties(String authorizeUrl, String tokenUrl, String clientId, String clientSecret,
                                 String redirectUri, String scope, Duration stateTtl) {

    public QboOAuthProperties {
        if (scope == null || scope.isBlank()) {
            scope = "com.intuit.quickbooks.accounting";
        }
        if (stateTtl == null) {
            stateTtl = Duration.ofMinutes(10);
        }
    }

    @Override
    public String toString() {
        return "QboOAuthProperties[authorizeUrl=" + authorizeUrl + ", tokenUrl=" + tokenUrl + ", clientId=" + clientId
                + ", redirectUri=" + redirectUri + ", scope=" + scope + ", stateTtl=" + stateTtl + "]";
    }
}
