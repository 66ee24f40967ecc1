package com.cpsync.outbound.config;

import java.time.Clock;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.util.backoff.ExponentialBackOff;

import com.cpsync.outbound.adapter.in.kafka.ConflictResolutionsKafkaListener;
import com.cpsync.outbound.adapter.out.kafka.EntityStateKafkaStore;
import com.cpsync.outbound.application.HandleCenterpointEvent;
import com.cpsync.outbound.application.ResolveConflict;
import com.cpsync.outbound.application.port.OutcomePublisher;
import com.cpsync.schemas.Topics;
import com.cpsync.syncsupport.deadletter.DeadLetters;
import com.cpsync.syncsupport.kafka.ReplayedTopicReader;

/**
 * Resolutions of held records ({@code app.topics.resolutions}, our own topic, written by ops-console): one
 * record at a time; a "later" (not ready, QBO or mapping-service unavailable) is retried with a back-off of up
 * to 30 s for about 10 minutes, then dead-lettered to {@code cp-outbound.resolutions.v1.DLT}, where the console
 * lists it for a replay.
 */
@Configuration(proxyBeanMethods = false)
public class ResolutionsConfig {

    private static final int PARTITIONS = 3;

    @Bean
    ResolveConflict resolveConflict(EntityStateKafkaStore state, OutcomePublisher outcomes,
            HandleCenterpointEvent handler, Clock clock) {
        return new ResolveConflict(state, outcomes, handler, clock);
    }

    @Bean
    ConflictResolutionsKafkaListener conflictResolutionsKafkaListener(ResolveConflict resolveConflict,
            List<ReplayedTopicReader<?>> readers) {
        return new ConflictResolutionsKafkaListener(resolveConflict,
                () -> readers.stream().allMatch(ReplayedTopicReader::caughtUp));
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, SpecificRecord> resolutionsContainerFactory(
            ConsumerFactory<String, SpecificRecord> consumerFactory, KafkaTemplate<Object, Object> deadLetterTemplate) {
        ConcurrentKafkaListenerContainerFactory<String, SpecificRecord> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumerFactory);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
        factory.getContainerProperties().setObservationEnabled(true);
        ExponentialBackOff aboutTenMinutes = new ExponentialBackOff(1_000L, 2.0);
        aboutTenMinutes.setMaxInterval(30_000L);
        aboutTenMinutes.setMaxElapsedTime(600_000L);
        factory.setCommonErrorHandler(DeadLetters.errorHandler(deadLetterTemplate, aboutTenMinutes));
        return factory;
    }

    @Bean
    KafkaAdmin.NewTopics resolutionTopics(@Value("${app.topics.resolutions}") String topic) {
        return new KafkaAdmin.NewTopics(TopicBuilder.name(topic).partitions(PARTITIONS).build(),
                TopicBuilder.name(Topics.dlt(topic)).partitions(1).build());
    }
}
