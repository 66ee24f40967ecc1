package com.cpsync.console.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** What the console reads: the outcomes, the Centerpoint events (for labels) and every dead-letter topic. */
@ConfigurationProperties("app.topics")
public record TopicsProperties(String outcomes, String centerpointEvents, String deadLetterPattern) {
}
