package com.cpsync.inbound.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Webhook ingress settings.
 *
 * @param verifierToken the Intuit webhook verifier token (HMAC key); never logged
 * @param maxBodySize     larger bodies get 413 (Intuit sends at most 100 events, ~1 MB, per POST)
 * @param publishDeadline verifying, parsing and publishing a POST taking longer is answered 503 (Intuit's
 *                        deadline is 3 s; this leaves room for the network)
 */
@ConfigurationProperties("app.webhook")
public record WebhookProperties(@DefaultValue("local-verifier-token") String verifierToken,
        @DefaultValue("1MB") DataSize maxBodySize, @DefaultValue("2500ms") Duration publishDeadline) {
}
