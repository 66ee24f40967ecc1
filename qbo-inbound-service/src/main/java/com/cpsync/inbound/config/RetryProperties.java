package com.cpsync.inbound.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-realm isolation of transient failures.
 *
 * @param parkInitial        how long a realm is parked after its first transient failure on the main topic
 * @param parkMax            the longest parking (it doubles with each consecutive failure)
 * @param parkMultiplier     growth of the parking per consecutive failure
 * @param backOffInitial     first pause of the retry topic's container before retrying a failed record
 * @param backOffMax         the longest pause between two retries
 * @param backOffMaxElapsed  total retry time of one record before it goes to {@code qbo.changes.v1.retry.DLT}
 */
@ConfigurationProperties("app.inbound.retry")
public record RetryProperties(@DefaultValue("5s") Duration parkInitial, @DefaultValue("5m") Duration parkMax,
        @DefaultValue("2.0") double parkMultiplier, @DefaultValue("5s") Duration backOffInitial,
        @DefaultValue("2m") Duration backOffMax, @DefaultValue("1h") Duration backOffMaxElapsed) {
}
