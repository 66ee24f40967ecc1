package com.cpsync.console.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The secret Centerpoint signs contractor links with ({@code OPS_CONSOLE_CONTRACTOR_LINK_SECRET}; production from a
 * Secret) and the longest lifetime a link may have. {@link #toString()} never shows the secret.
 */
@ConfigurationProperties("app.contractor-links")
public record ContractorLinkProperties(String secret, Duration longestLifetime) {

    public ContractorLinkProperties {
        if (longestLifetime == null) {
            longestLifetime = Duration.ofDays(30);
        }
    }

    @Override
    public String toString() {
        return "ContractorLinkProperties[longestLifetime=" + longestLifetime + "]";
    }
}
