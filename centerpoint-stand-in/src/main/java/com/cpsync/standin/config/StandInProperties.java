package com.cpsync.standin.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the stand-in finds the services it drives when connecting a tenant.
 *
 * @param mappingUrl base URL of mapping-service (its OAuth flow)
 * @param sandboxUrl base URL of the QBO sandbox (realm creation under /admin)
 * @param httpTimeout timeout of each HTTP call of the connection flow
 * @param connectRetry how often a connection flow that failed transiently is tried again
 */
@ConfigurationProperties("app")
public record StandInProperties(
        @DefaultValue("http://localhost:8081") String mappingUrl,
        @DefaultValue("http://localhost:8090") String sandboxUrl,
        @DefaultValue("10s") Duration httpTimeout,
        @DefaultValue ConnectRetry connectRetry) {

    /**
     * Bounded exponential backoff for a connection flow that met a refused connection, a timeout
     * or a 5xx (a service still starting, a restart): {@code firstBackoff}, doubling up to
     * {@code maxBackoff}, {@code maxAttempts} tries in all (defaults: 6 tries within about 8 s).
     */
    public record ConnectRetry(
            @DefaultValue("6") int maxAttempts,
            @DefaultValue("250ms") Duration firstBackoff,
            @DefaultValue("4s") Duration maxBackoff) {
    }
}
