package com.cpsync.sandbox.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import com.cpsync.sandbox.domain.webhook.WebhookFormat;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sandbox settings ({@code sandbox.*}); every default mirrors production QBO. {@code timeZone} and
 * {@code limits} are every new realm's defaults; a realm's own come from {@code PUT /admin/realms/{id}/faults}.
 */
@ConfigurationProperties("sandbox")
public record SandboxProperties(@DefaultValue("America/Los_Angeles") ZoneId timeZone,
                                @DefaultValue OAuth oauth,
                                @DefaultValue Limits limits,
                                @DefaultValue Webhooks webhooks) {

    public record OAuth(@DefaultValue("local-client-id") String clientId,
                        @DefaultValue("local-client-secret") String clientSecret,
                        @DefaultValue("3600s") Duration accessTokenTtl,
                        @DefaultValue("8726400s") Duration refreshTokenTtl,
                        @DefaultValue("10m") Duration codeTtl) {
    }

    public record Limits(@DefaultValue("500") int requestsPerMinute,
                         @DefaultValue("10") int requestsPerSecond,
                         @DefaultValue("40") int batchesPerMinute) {
    }

    /**
     * Initial webhook target (changeable with {@code PUT /admin/webhooks}); enabled when a target URL is set.
     * Retry delays follow Intuit's schedule by default; tests shorten them.
     */
    public record Webhooks(String targetUrl,
                           @DefaultValue("local-verifier-token") String verifierToken,
                           @DefaultValue("CLOUDEVENTS") WebhookFormat format,
                           @DefaultValue("200ms") Duration aggregationWindow,
                           @DefaultValue({"10s", "20s", "30s", "5m", "20m", "2h", "4h", "6h"}) List<Duration> retryDelays,
                           @DefaultValue("3s") Duration timeout) {
    }
}
