package com.cpsync.inbound.config;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.web.client.RestClient;

import com.cpsync.inbound.adapter.in.CdcPollScheduler;
import com.cpsync.inbound.adapter.in.kafka.InvalidChangeRecordException;
import com.cpsync.inbound.adapter.in.kafka.QboChangesKafkaListener;
import com.cpsync.inbound.adapter.in.kafka.SyncSettingsKafkaReader;
import com.cpsync.inbound.adapter.out.http.MappingServiceClient;
import com.cpsync.inbound.adapter.out.http.QboClientReads;
import com.cpsync.inbound.adapter.out.http.QboEntityJsonParser;
import com.cpsync.inbound.adapter.out.kafka.InboundKafkaPublisher;
import com.cpsync.inbound.adapter.out.kafka.MicrometerInboundMetrics;
import com.cpsync.inbound.application.CdcSettings;
import com.cpsync.inbound.application.ChangePublisher;
import com.cpsync.inbound.application.DecideChange;
import com.cpsync.inbound.application.EntityStates;
import com.cpsync.inbound.application.InboundMetrics;
import com.cpsync.inbound.application.PollCdc;
import com.cpsync.inbound.application.ProcessQboChanges;
import com.cpsync.inbound.application.ProcessRealmChanges;
import com.cpsync.inbound.application.QboEntityParser;
import com.cpsync.inbound.application.RealmParking;
import com.cpsync.qbo.client.QboClient;
import com.cpsync.qbo.client.QboFaultException;
import com.cpsync.qbo.client.RealmBusyException;
import com.cpsync.qbo.client.RealmLimits;
import com.cpsync.qbo.client.RealmRateLimiter;
import com.cpsync.schemas.Topics;
import com.cpsync.schemas.serde.AvroSerializer;

/** Wires inbound processing, the settings reader and the CDC poller. */
@Configuration(proxyBeanMethods = false)
public class InboundConfig {

    private static final Set<String> METERED = Set.of("read", "query", "cdc");

    @Bean
    MappingServiceClient mappingServiceClient(InboundProperties properties) {
        return new MappingServiceClient(RestClient.builder().baseUrl(properties.mappingUrl()).build());
    }

    @Bean
    QboClient qboClient(InboundProperties properties, MeterRegistry meters) {
        return QboClient.builder(URI.create(properties.qboUrl()))
                .limiter(new RealmRateLimiter(RealmLimits.qboDefaults()))
                .listener((realmId, operation, status, nanos) -> {
                    Timer.builder("qbo_calls").tag("operation", operation).tag("status", String.valueOf(status))
                            .register(meters).record(Duration.ofNanos(nanos));
                    if (METERED.contains(operation)) {
                        meters.counter("qbo_inbound_reads_total", "call", operation).increment();
                    }
                })
                .build();
    }

    @Bean
    QboClientReads qboReads(QboClient qbo, MappingServiceClient mapping) {
        return new QboClientReads(qbo, mapping);
    }

    /** Not ready before the settings topic was read to its end: changes would be judged without settings. */
    @Bean
    HealthIndicator syncSettingsHealthIndicator(SyncSettingsKafkaReader settings) {
        return () -> settings.isCaughtUp() ? Health.up().build()
                : Health.outOfService().withDetail("syncSettings", "reading centerpoint.sync-settings.v1").build();
    }

    @Bean
    SyncSettingsKafkaReader syncSettings(ConsumerFactory<?, ?> consumerFactory) {
        Map<String, Object> props = new HashMap<>(consumerFactory.getConfigurationProperties());
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "qbo-inbound-settings-" + UUID.randomUUID());
        return new SyncSettingsKafkaReader(() -> new KafkaConsumer<>(props), Topics.CENTERPOINT_SYNC_SETTINGS);
    }

    @Bean
    InboundKafkaPublisher inboundPublisher(KafkaTemplate<String, SpecificRecord> kafka, MeterRegistry meters,
            Clock clock) {
        return new InboundKafkaPublisher(kafka, meters, clock);
    }

    @Bean
    ProcessQboChanges processQboChanges(MappingServiceClient mapping, SyncSettingsKafkaReader settings,
            QboClientReads qbo, InboundKafkaPublisher publisher, InboundProperties properties, RetryProperties retry,
            MeterRegistry meters, Clock clock) {
        QboEntityParser parser = new QboEntityJsonParser(QboJson.mapper());
        InboundMetrics metrics = new MicrometerInboundMetrics(meters);
        ProcessRealmChanges realms = new ProcessRealmChanges(mapping, settings,
                new EntityStates(qbo, properties.cdcBatchThreshold()), new DecideChange(mapping, qbo, parser),
                publisher, parser, metrics, clock);
        RealmParking parking = new RealmParking(clock, retry.parkInitial(), retry.parkMax(), retry.parkMultiplier());
        return new ProcessQboChanges(realms, settings, publisher, metrics, parking, InboundConfig::retryAfter);
    }

    /** QBO's own Retry-After (429, 503) or the client's limiter's wait, if the failure carries one. */
    private static Optional<Duration> retryAfter(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RealmBusyException busy) {
                return Optional.of(busy.retryAfter());
            }
            if (cause instanceof QboFaultException fault) {
                return fault.retryAfter();
            }
        }
        return Optional.empty();
    }

    /** This service's own topics: the retry topic of realms that failed transiently, and its DLT. */
    @Bean
    KafkaAdmin.NewTopics inboundRetryTopics() {
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(InboundKafkaPublisher.RETRY_TOPIC).partitions(3).build(),
                TopicBuilder.name(Topics.dlt(InboundKafkaPublisher.RETRY_TOPIC)).partitions(1).build());
    }

    /**
     * The retry topic's container: one record at a time, a transient failure retried with exponential
     * back-off (about an hour by default), then {@code qbo.changes.v1.retry.DLT} with the reason. Only
     * this topic waits; the main topic keeps flowing. The handler is not a bean, so Boot's own factory
     * keeps the main topic's handler.
     */
    @Bean
    @SuppressWarnings("unchecked")
    ConcurrentKafkaListenerContainerFactory<Object, Object> retryListenerContainerFactory(
            ConsumerFactory<?, ?> consumerFactory, ProducerFactory<?, ?> producerFactory, RetryProperties retry) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory((ConsumerFactory<Object, Object>) consumerFactory);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        ExponentialBackOff backOff = new ExponentialBackOff(retry.backOffInitial().toMillis(), 2.0);
        backOff.setMaxInterval(retry.backOffMax().toMillis());
        backOff.setMaxElapsedTime(retry.backOffMaxElapsed().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(dltRecoverer(producerFactory), backOff);
        handler.addNotRetryableExceptions(InvalidChangeRecordException.class);
        factory.setCommonErrorHandler(handler);
        return factory;
    }

    @Bean
    QboChangesKafkaListener qboChangesKafkaListener(ProcessQboChanges processQboChanges) {
        return new QboChangesKafkaListener(processQboChanges);
    }

    @Bean
    PollCdc pollCdc(MappingServiceClient mapping, QboClientReads qbo, ChangePublisher publisher,
            CdcProperties properties, Clock clock) {
        return new PollCdc(mapping, qbo, publisher,
                new CdcSettings(properties.qboEntities(), properties.firstLookBack(), properties.overlap()), clock);
    }

    @Bean
    @ConditionalOnProperty(name = "app.cdc.enabled", havingValue = "true", matchIfMissing = true)
    CdcPollScheduler cdcPollScheduler(PollCdc pollCdc, CdcProperties properties) {
        return new CdcPollScheduler(pollCdc, properties.interval());
    }

    /**
     * Poison records of {@code qbo.changes.v1} go to {@code qbo.changes.v1.DLT} with the failure in the
     * standard headers. The DLT template is built here, not as a bean, so Boot's own template stays.
     */
    @Bean
    DefaultErrorHandler kafkaErrorHandler(ProducerFactory<?, ?> producerFactory) {
        // transient trouble (mapping-service, broker) is retried for about a minute before the DLT
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(6);
        backOff.setInitialInterval(1_000L);
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(30_000L);
        DefaultErrorHandler handler = new DefaultErrorHandler(dltRecoverer(producerFactory), backOff);
        handler.addNotRetryableExceptions(InvalidChangeRecordException.class);
        return handler;
    }

    /** Dead letters go to {@code <topic>.DLT} with the failure in the standard {@code kafka_dlt-*} headers. */
    private static DeadLetterPublishingRecoverer dltRecoverer(ProducerFactory<?, ?> producerFactory) {
        Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
        byType.put(byte[].class, new ByteArraySerializer());
        byType.put(SpecificRecord.class, new AvroSerializer());
        DefaultKafkaProducerFactory<String, Object> dltProducers = new DefaultKafkaProducerFactory<>(
                producerFactory.getConfigurationProperties(), new StringSerializer(),
                new DelegatingByTypeSerializer(byType, true));
        KafkaTemplate<String, Object> dltTemplate = new KafkaTemplate<>(dltProducers);
        return new DeadLetterPublishingRecoverer(dltTemplate,
                (record, ex) -> new TopicPartition(Topics.dlt(record.topic()), -1));
    }
}
