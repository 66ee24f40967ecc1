package com.cpsync.outbound.config;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
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

import com.cpsync.outbound.adapter.in.kafka.ContiguousAcks;
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
        return new KafkaTemplate<>(producerFactory);
    }

    /** Dead letters carry either the raw bytes (unreadable) or the Avro record (invalid content). */
    @Bean
    DefaultKafkaProducerFactory<Object, Object> deadLetterProducerFactory(KafkaProperties kafka) {
        return DeadLetters.producerFactory(new HashMap<>(kafka.buildProducerProperties()));
    }

    @Bean
    KafkaTemplate<Object, Object> deadLetterTemplate(
            DefaultKafkaProducerFactory<Object, Object> deadLetterProducerFactory) {
        return new KafkaTemplate<>(deadLetterProducerFactory);
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, SpecificRecord> eventsContainerFactory(
            ConsumerFactory<String, SpecificRecord> consumerFactory, KafkaTemplate<Object, Object> deadLetterTemplate,
            ContiguousAcks acks) {
        ConcurrentKafkaListenerContainerFactory<String, SpecificRecord> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumerFactory);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL);
        factory.getContainerProperties().setConsumerRebalanceListener(new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                // the new owner re-reads from the committed offset; late completions here become no-ops
                partitions.forEach(p -> acks.forget(p.topic() + "-" + p.partition()));
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            }
        });
        // unreadable or invalid records are never retried: straight to the DLT
        DefaultErrorHandler errorHandler = DeadLetters.errorHandler(deadLetterTemplate, new FixedBackOff(0L, 0L));
        // the container must not commit past a dead letter: earlier records may still be in tenant queues
        errorHandler.setAckAfterHandle(false);
        factory.setCommonErrorHandler(errorHandler);
        return factory;
    }

    @Bean
    KafkaAdmin.NewTopics outboundTopics(OutboundProperties properties) {
        OutboundProperties.Topics topics = properties.topics();
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(topics.entityState()).partitions(topics.entityStatePartitions())
                        .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT).build(),
                TopicBuilder.name(Topics.dlt(topics.events())).partitions(1).build());
    }
}
