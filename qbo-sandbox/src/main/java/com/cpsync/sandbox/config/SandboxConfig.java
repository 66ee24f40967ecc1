package com.cpsync.sandbox.config;

import java.time.Clock;
import java.time.Duration;

import com.cpsync.sandbox.adapter.out.webhook.WebhookDispatcher;
import com.cpsync.sandbox.domain.faults.FaultSettings;
import com.cpsync.sandbox.domain.oauth.OAuthTokens;
import com.cpsync.sandbox.engine.RealmRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class SandboxConfig {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    WebhookDispatcher webhookDispatcher(SandboxProperties properties) {
        SandboxProperties.Webhooks webhooks = properties.webhooks();
        boolean hasUrl = webhooks.targetUrl() != null && !webhooks.targetUrl().isBlank();
        return new WebhookDispatcher(
                new WebhookDispatcher.Target(hasUrl ? webhooks.targetUrl() : null, webhooks.verifierToken(), webhooks.format(), hasUrl),
                new WebhookDispatcher.Timing(webhooks.aggregationWindow(), webhooks.retryDelays(), webhooks.timeout()));
    }

    @Bean
    RealmRegistry realmRegistry(SandboxProperties properties, Clock clock, WebhookDispatcher webhooks) {
        SandboxProperties.Limits limits = properties.limits();
        FaultSettings defaults = FaultSettings.qboDefaults().toBuilder()
                .requestsPerMinute(limits.requestsPerMinute())
                .requestsPerSecond(limits.requestsPerSecond())
                .batchesPerMinute(limits.batchesPerMinute())
                .timeZone(properties.timeZone())
                .build();
        return new RealmRegistry(clock, defaults, webhooks);
    }

    @Bean
    OAuthTokens oauthTokens(SandboxProperties properties, Clock clock, RealmRegistry realms) {
        SandboxProperties.OAuth oauth = properties.oauth();
        return new OAuthTokens(clock, oauth.codeTtl(), oauth.refreshTokenTtl(), realmId -> realms.find(realmId)
                .map(r -> r.faults().settings().accessTokenTtlSeconds())
                .map(Duration::ofSeconds)
                .orElse(oauth.accessTokenTtl()));
    }
}
