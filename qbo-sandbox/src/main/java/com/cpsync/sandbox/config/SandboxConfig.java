package com.cpsync.sandbox.config;

import java.time.Clock;
import java.time.Duration;

import com.cpsync.sandbox.domain.FaultSettings;
import com.cpsync.sandbox.domain.OAuthTokens;
import com.cpsync.sandbox.domain.Realm;
import com.cpsync.sandbox.domain.RealmRegistry;
import com.cpsync.sandbox.webhook.WebhookDispatcher;

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
        return new WebhookDispatcher(properties.webhooks());
    }

    @Bean
    RealmRegistry realmRegistry(SandboxProperties properties, Clock clock, WebhookDispatcher webhooks) {
        SandboxProperties.Limits limits = properties.limits();
        return new RealmRegistry(id -> new Realm(id, clock, properties.timeZone(),
                FaultSettings.defaults(limits.requestsPerMinute(), limits.requestsPerSecond(), limits.batchesPerMinute()),
                webhooks));
    }

    @Bean
    OAuthTokens oauthTokens(SandboxProperties properties, Clock clock, RealmRegistry realms) {
        SandboxProperties.OAuth oauth = properties.oauth();
        return new OAuthTokens(clock, oauth.codeTtl(), oauth.refreshTokenTtl(), realmId -> realms.find(realmId)
                .map(r -> r.faults().accessTokenTtlSeconds())
                .map(Duration::ofSeconds)
                .orElse(oauth.accessTokenTtl()));
    }
}
