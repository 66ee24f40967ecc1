package com.cpsync.inbound.config;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.web.client.RestClient;

import com.cpsync.inbound.adapter.in.CdcPollScheduler;
import com.cpsync.inbound.adapter.in.kafka.InboundSettingsAvroMapper;
import com.cpsync.inbound.adapter.in.kafka.QboChangesKafkaListener;
import com.cpsync.inbound.adapter.in.kafka.RealmParkingBackOff;
import com.cpsync.inbound.adapter.in.kafka.ReplayedSettingsDirectory;
import com.cpsync.inbound.adapter.out.http.MappingServiceDirectory;
import com.cpsync.inbound.adapter.out.http.QboClientReads;
import com.cpsync.inbound.adapter.out.http.QboEntityJsonParser;
import com.cpsync.inbound.adapter.out.http.QboWaits;
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
import com.cpsync.inbound.domain.decision.InboundSettings;
import com.cpsync.qbo.client.QboClient;
import com.cpsync.qbo.client.RealmLimits;
import com.cpsync.qbo.client.RealmRateLimiter;
import com.cpsync.schemas.Topics;
import com.cpsync.syncsupport.deadletter.DeadLetters;
import com.cpsync.syncsupport.kafka.ReplayedTopicReader;
import com.cpsync.syncsupport.auth.ServiceTokens;
import com.cpsync.syncsupport.budget.SharedRealmBudget;
import com.cpsync.syncsupport.mapping.http.MappingServiceClient;
import com.cpsync.syncsupport.outcome.SyncOutcomeKafkaPublisher;
import com.cpsync.syncsupport.settings.TenantSettings;
import com.cpsync.syncsupport.token.AccessTokens;
import com.cpsync.syncsupport.tracing.QboHttpObservation;
import com.cpsync.syncsupport.tracing.TraceIds;

/** Wires inbound processing, the settings reader and the CDC poller. */
@Configuration(proxyBeanMethods = false)
public class InboundConfig {

    private static final Set<String> METERED = Set.of("read", "query", "cdc");

    /** Observed: each call is a client span and carries the trace context to mapping-service. */
    @Bean
    MappingServiceClient mappingServiceClient(InboundProperties properties, ObservationRegistry observations,
            @Value("${spring.application.name}") String name,
            @Value("${app.service-auth.private-key:}") String privateKey) {
        // the wall clock, not the injectable one: mapping-service checks the token's times against its own
        return MappingServiceClient.of(URI.create(properties.mappingUrl()),
                ServiceTokens.of(name, privateKey, Clock.systemUTC()),
                RestClient.builder().observationRegistry(observations));
    }

    @Bean
    MappingServiceDirectory mappingDirectory(MappingServiceClient client) {
        return new MappingServiceDirectory(client);
    }

    /** The realm's shared budget when {@code app.qbo.budget.datasource-url} is set, else this JVM's limiter. */
    @Bean
    QboClient qboClient(InboundProperties properties, MeterRegistry meters, ObservationRegistry observations,
            SharedRealmBudget sharedBudget) {
        return QboClient.builder(URI.create(properties.qboUrl()))
                .budget(sharedBudget.orElse(new RealmRateLimiter(RealmLimits.qboDefaults())))
                .listener((realmId, operation, status, nanos) -> {
                    Timer.builder("qbo_calls").tag("operation", operation).tag("status", String.valueOf(status))
                            .register(meters).record(Duration.ofNanos(nanos));
                    if (METERED.contains(operation)) {
                        meters.counter("qbo_inbound_reads_total", "call", operation).increment();
                    }
                })
                .httpClientDecorator(http -> QboHttpObservation.observe(http, meters, observations))
                .build();
    }

    @Bean
    QboClientReads qboReads(QboClient qbo, MappingServiceClient mapping, Clock clock) {
        return new QboClientReads(qbo, new AccessTokens(mapping, clock));
    }

    /** Not ready before the settings topic was read to its end: changes would be judged without settings. */
    @Bean
    HealthIndicator syncSettingsHealthIndicator(ReplayedTopicReader<Object> settingsReader) {
        return () -> settingsReader.caughtUp() ? Health.up().build()
                : Health.outOfService().withDetail("syncSettings", "reading centerpoint.sync-settings.v1").build();
    }

    @Bean
    TenantSettings<InboundSettings> tenantSettings() {
        return new TenantSettings<>(InboundSettingsAvroMapper::toDomain);
    }

    /** Every partition from the beginning, no group: each instance needs every tenant's settings. */
    @Bean(initMethod = "start", destroyMethod = "close")
    ReplayedTopicReader<Object> settingsReader(ConsumerFactory<?, ?> consumerFactory,
            TenantSettings<InboundSettings> settings) {
        Map<String, Object> props = new HashMap<>(consumerFactory.getConfigurationProperties());
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "qbo-inbound-settings-" + UUID.randomUUID());
        return new ReplayedTopicReader<Object>(Topics.CENTERPOINT_SYNC_SETTINGS, () -> new KafkaConsumer<>(props),
                settings::onRecord);
    }

    @Bean
    ReplayedSettingsDirectory syncSettings(TenantSettings<InboundSettings> settings,
            ReplayedTopicReader<Object> settingsReader) {
        return new ReplayedSettingsDirectory(settings, settingsReader);
    }

    @Bean
    InboundKafkaPublisher inboundPublisher(KafkaTemplate<String, SpecificRecord> kafka, MeterRegistry meters,
            Clock clock, Tracer tracer) {
        return new InboundKafkaPublisher(kafka, new SyncOutcomeKafkaPublisher(kafka, Topics.SYNC_OUTCOMES, meters,
                clock, TraceIds.current(tracer)), meters, clock);
    }

    /** One parking per instance, shared by change processing, the retry topic and the CDC poller. */
    @Bean
    RealmParking realmParking(RetryProperties retry, Clock clock) {
        return new RealmParking(clock, retry.parkInitial(), retry.parkMax(), retry.parkMultiplier());
    }

    @Bean
    ProcessQboChanges processQboChanges(MappingServiceDirectory mapping, ReplayedSettingsDirectory settings,
            QboClientReads qbo, InboundKafkaPublisher publisher, InboundProperties properties, RealmParking parking,
            MeterRegistry meters, Clock clock) {
        QboEntityParser parser = new QboEntityJsonParser(QboJson.mapper());
        InboundMetrics metrics = new MicrometerInboundMetrics(meters);
        ProcessRealmChanges realms = new ProcessRealmChanges(mapping, settings,
                new EntityStates(qbo, properties.cdcBatchThreshold()), new DecideChange(mapping, qbo, parser),
                publisher, parser, metrics, clock);
        return new ProcessQboChanges(realms, settings, publisher, metrics, parking, QboWaits::askedFor);
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
            ConsumerFactory<?, ?> consumerFactory, ProducerFactory<?, ?> producerFactory, RetryProperties retry,
            RealmParking parking) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory((ConsumerFactory<Object, Object>) consumerFactory);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        // a consumer span per record, child of the traceparent it was written with
        factory.getContainerProperties().setObservationEnabled(true);
        ExponentialBackOff backOff = new ExponentialBackOff(retry.backOffInitial().toMillis(), 2.0);
        backOff.setMaxInterval(retry.backOffMax().toMillis());
        backOff.setMaxElapsedTime(retry.backOffMaxElapsed().toMillis());
        DefaultErrorHandler handler = DeadLetters.errorHandler(deadLetterTemplate(producerFactory), backOff);
        // the record key is the realm: a parked realm's record waits out the parking, never calling QBO before
        handler.setBackOffFunction((record, failure) -> new RealmParkingBackOff(backOff,
                () -> parking.remaining(String.valueOf(record.key())), retry.backOffMax()));
        factory.setCommonErrorHandler(handler);
        return factory;
    }

    @Bean
    QboChangesKafkaListener qboChangesKafkaListener(ProcessQboChanges processQboChanges) {
        return new QboChangesKafkaListener(processQboChanges);
    }

    @Bean
    PollCdc pollCdc(MappingServiceDirectory mapping, QboClientReads qbo, ChangePublisher publisher,
            CdcProperties properties, RealmParking parking, Clock clock) {
        return new PollCdc(mapping, qbo, publisher,
                new CdcSettings(properties.qboEntities(), properties.firstLookBack(), properties.overlap()), parking,
                QboWaits::askedFor, clock);
    }

    @Bean
    @ConditionalOnProperty(name = "app.cdc.enabled", havingValue = "true", matchIfMissing = true)
    CdcPollScheduler cdcPollScheduler(PollCdc pollCdc, CdcProperties properties) {
        return new CdcPollScheduler(pollCdc, properties.interval());
    }

    /**
     * Poison records of {@code qbo.changes.v1} go to {@code qbo.changes.v1.DLT} with the failure in the
     * standard headers; transient trouble (mapping-service, broker) is retried for about a minute first.
     */
    @Bean
    DefaultErrorHandler kafkaErrorHandler(ProducerFactory<?, ?> producerFactory) {
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(6);
        backOff.setInitialInterval(1_000L);
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(30_000L);
        return DeadLetters.errorHandler(deadLetterTemplate(producerFactory), backOff);
    }

    /**
     * Dead letters carry the raw bytes (unreadable) or the Avro record. Built here, not as a bean: a
     * template or producer-factory bean would make Boot's own (String, Avro) template back off.
     */
    private static KafkaTemplate<Object, Object> deadLetterTemplate(ProducerFactory<?, ?> producerFactory) {
        return new KafkaTemplate<>(DeadLetters.producerFactory(
                new HashMap<>(producerFactory.getConfigurationProperties())));
    }
}
