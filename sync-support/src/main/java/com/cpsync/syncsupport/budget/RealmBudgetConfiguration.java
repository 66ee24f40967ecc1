package com.cpsync.syncsupport.budget;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code app.qbo.budget.*}: the realm budget every sync service shares when {@code datasource-url} is set
 * (docs/performance.md, "One budget per realm"); unset, each service keeps its in-JVM limiter.
 */
@Configuration(proxyBeanMethods = false)
public class RealmBudgetConfiguration {

    @Bean(destroyMethod = "close")
    SharedRealmBudget sharedRealmBudget(Clock clock,
            @Value("${app.qbo.budget.datasource-url:}") String url,
            @Value("${app.qbo.budget.username:}") String username,
            @Value("${app.qbo.budget.password:}") String password,
            @Value("${app.qbo.budget.requests-per-second:10}") int perSecond,
            @Value("${app.qbo.budget.requests-per-minute:500}") int perMinute,
            @Value("${app.qbo.budget.batches-per-minute:40}") int batchesPerMinute,
            @Value("${app.qbo.budget.concurrent-requests:5}") int concurrentShare,
            @Value("${app.qbo.budget.max-wait:250ms}") Duration maxWait,
            @Value("${app.qbo.budget.backlog-reserve-per-minute:10}") int reservePerMinute,
            @Value("${app.qbo.budget.floor-per-minute:50}") int floor,
            @Value("${app.qbo.budget.recovery-per-minute:50}") int recovery) {
        if (url.isBlank()) {
            return SharedRealmBudget.none();
        }
        RealmBudgetSettings settings = new RealmBudgetSettings(perSecond, perMinute, batchesPerMinute,
                concurrentShare, maxWait, new BacklogReserve(1, reservePerMinute), floor, recovery);
        return SharedRealmBudget.on(url, username, password, settings, clock);
    }
}
