package com.cpsync.console.config;

import java.util.HashMap;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import com.cpsync.console.adapter.in.kafka.IndexKafkaListeners;
import com.cpsync.console.adapter.in.kafka.TenantStatusKafkaListener;
import com.cpsync.console.adapter.out.kafka.BrokerConsumerLag;
import com.cpsync.console.adapter.out.kafka.DeadLetterKafkaRepublisher;
import com.cpsync.console.adapter.out.kafka.ResolutionKafkaSender;
import com.cpsync.console.application.IndexRecords;
import com.cpsync.console.application.TrackTenantStatus;
import com.cpsync.syncsupport.deadletter.DeadLetters;

/** The console's consumers, the producers of replays and resolutions, and the admin client that reads lag. */
@Configuration(proxyBeanMethods = false)
public class KafkaConfig {

    private static final long ADMIN_TIMEOUT_MILLIS = 10_000;
    private static final int TENANT_STATUS_PARTITIONS = 3;

    @Bean
    IndexKafkaListeners indexKafkaListeners(IndexRecords indexRecords) {
        return new IndexKafkaListeners(indexRecords);
    }

    @Bean
    TenantStatusKafkaListener tenantStatusKafkaListener(TrackTenantStatus trackTenantStatus) {
        return new TenantStatusKafkaListener(trackTenantStatus);
    }

    /**
     * cp-outbound-service's topic, which it creates; declared here the same way (3 partitions, compacted) so that a
     * console started first does not have a broker that creates topics on demand make it uncompacted.
     */
    @Bean
    KafkaAdmin.NewTopics tenantStatusTopic(@Value("${app.topics.tenant-status}") String topic) {
        return new KafkaAdmin.NewTopics(TopicBuilder.name(topic).partitions(TENANT_STATUS_PARTITIONS).compact().build());
    }

    /**
     * {@code sync.outcomes.v1}: a record that is not a SyncOutcome goes to {@code sync.outcomes.v1.DLT} at once;
     * trouble with PostgreSQL is retried for about a minute, then dead-lettered too (and replayable from here).
     */
    @Bean
    DefaultErrorHandler kafkaErrorHandler(ProducerFactory<?, ?> producerFactory) {
        ExponentialBackOff aboutAMinute = new ExponentialBackOff(1_000L, 2.0);
        aboutAMinute.setMaxElapsedTime(60_000L);
        return DeadLetters.errorHandler(new KafkaTemplate<>(DeadLetters.producerFactory(
                new HashMap<>(producerFactory.getConfigurationProperties()))), aboutAMinute);
    }

    /**
     * Dead letters and Centerpoint events as bytes. Nothing here can be poison (bytes are stored as they came,
     * an unreadable event is skipped), so a failure is PostgreSQL's: retried until it works, never dropped.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<byte[], byte[]> bytesListenerContainerFactory(
            ConsumerFactory<?, ?> consumerFactory) {
        ConcurrentKafkaListenerContainerFactory<byte[], byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(
                new HashMap<>(consumerFactory.getConfigurationProperties()), new ByteArrayDeserializer(),
                new ByteArrayDeserializer()));
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        ExponentialBackOff untilItWorks = new ExponentialBackOff(1_000L, 2.0);
        untilItWorks.setMaxInterval(30_000L);
        factory.setCommonErrorHandler(new DefaultErrorHandler(untilItWorks));
        return factory;
    }

    /**
     * Bytes as they were: a replay sends exactly what the original producer wrote. Its producer factory is not a
     * bean, so Boot's own (String, Avro) factory stays the one the rest of the app gets.
     */
    @Bean(destroyMethod = "close")
    DeadLetterKafkaRepublisher republisher(ProducerFactory<?, ?> producerFactory) {
        Map<String, Object> properties = new HashMap<>(producerFactory.getConfigurationProperties());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new DeadLetterKafkaRepublisher(new DefaultKafkaProducerFactory<>(properties));
    }

    /** Boot's (String, Avro) template: resolutions are Avro records of the project's schemas. */
    @Bean
    ResolutionKafkaSender resolutionSender(KafkaTemplate<String, SpecificRecord> kafka,
            @Value("${app.topics.resolutions}") String topic) {
        return new ResolutionKafkaSender(kafka, topic);
    }

    @Bean(destroyMethod = "close")
    BrokerConsumerLag consumerLag(KafkaAdmin kafkaAdmin) {
        return new BrokerConsumerLag(Admin.create(kafkaAdmin.getConfigurationProperties()), ADMIN_TIMEOUT_MILLIS);
    }
}
