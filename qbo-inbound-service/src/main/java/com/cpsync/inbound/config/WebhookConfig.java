package com.cpsync.inbound.config;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import com.cpsync.inbound.adapter.in.web.QuickBooksWebhookHandler;
import com.cpsync.inbound.adapter.in.web.WebhookPayloadParser;
import com.cpsync.inbound.adapter.in.web.WebhookRefusals;
import com.cpsync.inbound.adapter.out.kafka.ChangeKafkaPublisher;
import com.cpsync.inbound.adapter.out.metrics.MicrometerWebhookMetrics;
import com.cpsync.inbound.application.ChangePublisher;
import com.cpsync.inbound.application.ReceiveWebhook;
import com.cpsync.inbound.domain.webhook.WebhookSignature;

/** Wires the webhook ingress. */
@Configuration(proxyBeanMethods = false)
public class WebhookConfig {

    @Bean
    ChangePublisher changePublisher(KafkaTemplate<String, SpecificRecord> kafka) {
        return new ChangeKafkaPublisher(kafka);
    }

    @Bean
    ReceiveWebhook receiveWebhook(WebhookProperties properties, ChangePublisher publisher, MeterRegistry meters,
            Clock clock) {
        return new ReceiveWebhook(new WebhookSignature(properties.verifierToken()),
                new WebhookPayloadParser(QboJson.mapper()), publisher, new MicrometerWebhookMetrics(meters), clock);
    }

    /** No {@code consumes}: the handler reads the raw bytes the signature covers and checks the content type itself. */
    @Bean
    RouterFunction<ServerResponse> webhookRoute(ReceiveWebhook receiveWebhook, WebhookProperties properties,
            MeterRegistry meters) {
        QuickBooksWebhookHandler handler = new QuickBooksWebhookHandler(receiveWebhook, new WebhookRefusals(meters),
                (int) properties.maxBodySize().toBytes(), properties.publishDeadline());
        return RouterFunctions.route().POST(QuickBooksWebhookHandler.PATH, handler::receive).build();
    }
}
