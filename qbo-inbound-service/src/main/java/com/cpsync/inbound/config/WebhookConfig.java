package com.cpsync.inbound.config;

import java.time.Clock;

import org.apache.avro.specific.SpecificRecord;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

import com.cpsync.inbound.adapter.out.kafka.ChangeKafkaPublisher;
import com.cpsync.inbound.application.ChangePublisher;
import com.cpsync.inbound.application.ReceiveWebhook;
import com.cpsync.inbound.domain.webhook.WebhookPayloadParser;
import com.cpsync.inbound.domain.webhook.WebhookSignature;

/** Wires the webhook ingress. */
@Configuration(proxyBeanMethods = false)
public class WebhookConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ChangePublisher changePublisher(KafkaTemplate<String, SpecificRecord> kafka) {
        return new ChangeKafkaPublisher(kafka);
    }

    @Bean
    ReceiveWebhook receiveWebhook(WebhookProperties properties, ChangePublisher publisher, Clock clock) {
        return new ReceiveWebhook(new WebhookSignature(properties.verifierToken()),
                new WebhookPayloadParser(QboJson.mapper()), publisher, clock);
    }
}
