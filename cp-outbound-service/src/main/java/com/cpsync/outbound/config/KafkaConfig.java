package com.cpsync.outbound.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.FixedBackOff;

import com.cpsync.outbound.adapter.in.kafka.EventsRebalanceListener;
import com.cpsync.schemas.Topics;
import com.cpsync.schemas.serde.AvroDeserializer;
import com.cpsync.schemas.serde.AvroSerializer;
import com.cpsync.syncsupport.deadletter.DeadLetters;

/**
 * Consumers read Avro through ErrorHandlingDeserializer; unreadable or invalid records go to
 * {@code <topic>.DLT} with the failure in the {@code kafka_dlt-*} headers and the partition keeps
 * flowing. Acks are MANUAL: the work queues acknowledge, {@code ContiguousAcks} keeps commits in order.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfig {

    /** Header of a dead letter holding the root cause's message (the shared recipe's). */
    public static final String DLT_REASON_HEADER = DeadLetters.REASON_HEADER;

    @Bean
    ConsumerFactory<String, SpecificRecord> consumerFactory(KafkaProperties kafka, MeterRegistry meters) {
        Map<String, Object> props = new HashMap<>(kafka.buildConsumerProperties());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class);
        props.put(ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, AvroDeserializer.class);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        DefaultKafkaConsumerFactory<String, SpecificRecord> factory = new DefaultKafkaConsumerFactory<>(props);
        factory.addListener(new MicrometerConsumerListener<>(meters));
        return factory;
    }

    /** A bean, not a local of the template's method: only a bean's producers are closed with the context. */
    @Bean
    DefaultKafkaProducerFactory<String, SpecificRecord> producerFactory(KafkaProperties kafka, MeterRegistry meters) {
        Map<String, Object> props = new HashMap<>(kafka.buildProducerProperties());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroSerializer.class);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        DefaultKafkaProducerFactory<String, SpecificRecord> factory = new DefaultKafkaProducerFactory<>(props);
        factory.addListener(new MicrometerProducerListener<>(meters));
        return factory;
    }

    @Bean
    KafkaTemplate<String, SpecificRecord> kafkaTemplate(
            DefaultKafkaProducerFactory<String, SpecificRecord> producerFactory) {
        return observed(new KafkaTemplate<>(producerFactory));
    }

    /** Dead letters carry either the raw bytes (unreadable) or the Avro record (invalid content). */
    @Bean
    DefaultKafkaProducerFactory<Object, Object> deadLetterProducerFactory(KafkaProperties kafka) {
        return DeadLetters.producerFactory(new HashMap<>(kafka.buildProducerProperties()));
    }

    @Bean
    KafkaTemplate<Object, Object> deadLetterTemplate(
            DefaultKafkaProducerFactory<Object, Object> deadLetterProducerFactory) {
        return observed(new KafkaTemplate<>(deadLetterProducerFactory));
    }

    /** Each record the template sends carries the current trace context (traceparent header). */
    private static <K, V> KafkaTemplate<K, V> observed(KafkaTemplate<K, V> template) {
        template.setObservationEnabled(true);
        return template;
    }

    /**
     * One consumer reads the events and the waiting topic. RangeAssignor (eager, pinned here rather than
     * left to the client's default list) gives partition p of both topics, which have the same partition
     * count, to the same consumer: a tenant's records on either side stay with one instance.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, SpecificRecord> eventsContainerFactory(
            ConsumerFactory<String, SpecificRecord> consumerFactory, KafkaTemplate<Object, Object> deadLetterTemplate,
            EventsRebalanceListener rebalanceListener) {
        ConcurrentKafkaListenerContainerFactory<String, SpecificRecord> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumerFactory);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL);
        // a consumer span per record, child of the producer's traceparent; the workers continue it (ObservedWork)
        factory.getContainerProperties().setObservationEnabled(true);
        Properties assignment = new Properties();
        assignment.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName());
        factory.getContainerProperties().setKafkaConsumerProperties(assignment);
        factory.getContainerProperties().setConsumerRebalanceListener(rebalanceListener);
        // unreadable or invalid records are never retried: straight to the DLT
        DefaultErrorHandler errorHandler = DeadLetters.errorHandler(deadLetterTemplate, new FixedBackOff(0L, 0L));
        // the container must not commit past a dead letter: earlier records may still be in tenant queues
        errorHandler.setAckAfterHandle(false);
        factory.setCommonErrorHandler(errorHandler);
        return factory;
    }

    /** The waiting topic gets the events topic's partition count (KafkaAdmin adds partitions if it grew). */
    @Bean
    KafkaAdmin.NewTopics outboundTopics(OutboundProperties properties, KafkaAdmin admin) {
        OutboundProperties.Topics topics = properties.topics();
        OutboundProperties.Waiting waiting = properties.waiting();
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(topics.entityState()).partitions(topics.entityStatePartitions())
                        .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT).build(),
                TopicBuilder.name(Topics.dlt(topics.events())).partitions(1).build(),
                TopicBuilder.name(waiting.topic()).partitions(partitionsOf(admin, topics.events()))
                        .config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(waiting.retention().toMillis()))
                        .build(),
                TopicBuilder.name(Topics.dlt(waiting.topic())).partitions(1).build());
    }

    private static int partitionsOf(KafkaAdmin admin, String topic) {
        try {
            return admin.describeTopics(topic).get(topic).partitions().size();
        }
        catch (RuntimeException ex) {
            throw new IllegalStateException(topic + " must exist before cp-outbound-service starts: the waiting "
                    + "topic is created with its partition count (" + ex.getMessage() + ")", ex);
        }
    }
}
