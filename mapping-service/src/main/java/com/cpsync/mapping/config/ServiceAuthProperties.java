package com.cpsync.mapping.config;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Service-to-service authentication (docs/security.md).
 *
 * @param callers          caller name → its RSA public key (X.509, Base64 or PEM); a caller with no key cannot call
 * @param maxTokenLifetime the longest {@code exp - iat} a caller's JWT may have
 */
@ConfigurationProperties("app.service-auth")
public record ServiceAuthProperties(Map<String, String> callers, Duration maxTokenLifetime) {

    public ServiceAuthProperties {
        callers = callers == null ? Map.of() : Map.copyOf(callers);
        if (maxTokenLifetime == null) {
            maxTokenLifetime = Duration.ofMinutes(10);
        }
    }
}
