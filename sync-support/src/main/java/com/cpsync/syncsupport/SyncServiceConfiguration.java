package com.cpsync.syncsupport;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import com.cpsync.syncsupport.budget.RealmBudgetConfiguration;
import com.cpsync.syncsupport.lag.ConsumerGroupLagConfiguration;

/**
 * What every sync service's context holds besides its own wiring: the UTC system clock its decisions and
 * outcomes read (ITs put an adjustable clock before it with {@code @Primary}), the consumer-group lag
 * gauge and the realm budget shared on PostgreSQL when one is configured. A service imports this ({@code @Import(SyncServiceConfiguration.class)}).
 */
@Configuration(proxyBeanMethods = false)
@Import({ConsumerGroupLagConfiguration.class, RealmBudgetConfiguration.class})
public class SyncServiceConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
