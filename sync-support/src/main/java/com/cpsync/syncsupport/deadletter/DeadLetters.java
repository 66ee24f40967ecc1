package com.cpsync.syncsupport.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.util.backoff.BackOff;

import com.cpsync.schemas.Topics;
import com.cpsync.schemas.serde.AvroSerializer;

/**
 * The one dead-letter recipe (shared/STYLE.md "Errors", spring-kafka's sample-01): a record that
 * fails goes to {@code <topic>.DLT} with spring-kafka's {@code kafka_dlt-*} headers plus
 * {@value #REASON_HEADER} (the root cause's message), after the back-off the caller chooses;
 * an {@link InvalidMessageException} is never retried. The partition keeps flowing.
 */
public final class DeadLetters {

    /** Header of a dead letter holding the root cause's message, beside spring-kafka's kafka_dlt-* headers. */
    public static final String REASON_HEADER = "cpsync_dlt-reason";

    private DeadLetters() {
    }

    /**
     * Producers for dead letters: String keys, values either the raw bytes (unreadable records) or the
     * Avro record (readable but invalid). Register it as a bean so its producers close with the context.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static DefaultKafkaProducerFactory<Object, Object> producerFactory(Map<String, Object> producerProperties) {
        Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
        byType.put(byte[].class, new ByteArraySerializer());
        byType.put(SpecificRecord.class, new AvroSerializer());
        return new DefaultKafkaProducerFactory<>(producerProperties, (Serializer) new StringSerializer(),
                new DelegatingByTypeSerializer(byType, true));
    }

    /** Publishes a failed record to {@code <topic>.DLT} (any partition) with the reason header. */
    public static DeadLetterPublishingRecoverer recoverer(KafkaOperations<?, ?> template) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, ex) -> new TopicPartition(Topics.dlt(record.topic()), -1));
        recoverer.setHeadersFunction((record, ex) -> {
            Headers headers = new RecordHeaders();
            headers.add(REASON_HEADER, utf8(String.valueOf(NestedExceptionUtils.getMostSpecificCause(ex).getMessage())));
            return headers;
        });
        return recoverer;
    }

    /** Retries with {@code backOff}, then dead-letters; {@link InvalidMessageException} goes straight to the DLT. */
    public static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> template, BackOff backOff) {
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer(template), backOff);
        handler.addNotRetryableExceptions(InvalidMessageException.class);
        return handler;
    }

    /** A dead letter written by the service itself (not by the error handler), with the same headers. */
    public static ProducerRecord<String, SpecificRecord> record(String originalTopic, String key, SpecificRecord value,
            String reason) {
        ProducerRecord<String, SpecificRecord> record = new ProducerRecord<>(Topics.dlt(originalTopic), key, value);
        record.headers().add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, utf8(reason));
        record.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, utf8(originalTopic));
        record.headers().add(REASON_HEADER, utf8(reason));
        return record;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
