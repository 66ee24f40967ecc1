package com.cpsync.syncsupport.lag;

import java.time.Duration;

import org.apache.kafka.clients.admin.Admin;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * {@code consumer_group_lag{group,topic,partition}} for every {@code @KafkaListener} group of the service
 * that imports this ({@code @Import(ConsumerGroupLagConfiguration.class)}): an admin client with Spring
 * Kafka's {@link KafkaAdmin} settings, refreshed every {@code app.lag.interval} (default 15 s), closed with
 * the context.
 */
@Configuration(proxyBeanMethods = false)
public class ConsumerGroupLagConfiguration {

    /** How long one broker question may take before that refresh gives up (the gauges keep their values). */
    private static final long ADMIN_TIMEOUT_MILLIS = 10_000;

    @Bean(destroyMethod = "close")
    ConsumerGroupLagMeter consumerGroupLagMeter(KafkaAdmin kafkaAdmin, KafkaListenerEndpointRegistry listeners,
            @Value("${app.lag.interval:15s}") Duration interval) {
        Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties());
        return new ConsumerGroupLagMeter(new ConsumerGroupLag(admin, ADMIN_TIMEOUT_MILLIS),
                () -> ListenerGroups.topicsByGroup(listeners), interval);
    }
}
