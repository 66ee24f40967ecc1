package com.cpsync.console.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** How long outcomes and dead letters stay in the index, and how often the purge runs. */
@ConfigurationProperties("app.retention")
public record RetentionProperties(Duration keep, Duration purgeInterval) {
}
