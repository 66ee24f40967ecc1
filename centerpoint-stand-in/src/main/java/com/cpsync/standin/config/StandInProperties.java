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
 */
@ConfigurationProperties("app")
public record StandInProperties(
        @DefaultValue("http://localhost:8081") String mappingUrl,
        @DefaultValue("http://localhost:8090") String sandboxUrl,
        @DefaultValue("10s") Duration httpTimeout) {
}
