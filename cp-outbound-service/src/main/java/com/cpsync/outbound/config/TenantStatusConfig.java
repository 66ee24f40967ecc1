package com.cpsync.outbound.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.apache.avro.specific.SpecificRecord;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import com.cpsync.outbound.adapter.out.kafka.TenantStatusKafkaPublisher;
import com.cpsync.outbound.application.TenantQbo;

/**
 * Each park of a tenant and its first completed event after one, to {@code app.topics.tenant-status} (our own
 * compacted topic, read by ops-console), so the console sees every instance's parked tenants without asking each.
 */
@Configuration(proxyBeanMethods = false)
public class TenantStatusConfig {

    private static final int PARTITIONS = 3;

    @Bean(destroyMethod = "close")
    TenantStatusKafkaPublisher tenantStatusPublisher(KafkaTemplate<String, SpecificRecord> kafka, TenantQbo qbo,
            @Value("${app.topics.tenant-status}") String topic, @Value("${HOSTNAME:}") String hostName) {
        return new TenantStatusKafkaPublisher(kafka, topic, hostName.isBlank() ? localHostName() : hostName,
                qbo::knownRealm);
    }

    @Bean
    KafkaAdmin.NewTopics tenantStatusTopic(@Value("${app.topics.tenant-status}") String topic) {
        return new KafkaAdmin.NewTopics(TopicBuilder.name(topic).partitions(PARTITIONS).compact().build());
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        }
        catch (UnknownHostException ex) {
            return "unknown-host";
        }
    }
}
