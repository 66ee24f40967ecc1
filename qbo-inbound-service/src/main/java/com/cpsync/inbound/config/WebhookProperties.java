package com.cpsync.inbound.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Webhook ingress settings.
 *
 * @param verifierToken the Intuit webhook verifier token (HMAC key); never logged
 * @param maxBodySize   larger bodies get 413 (Intuit sends at most ~1 MB)
 */
@ConfigurationProperties("app.webhook")
public record WebhookProperties(@DefaultValue("local-verifier-token") String verifierToken,
        @DefaultValue("1MB") DataSize maxBodySize) {
}
