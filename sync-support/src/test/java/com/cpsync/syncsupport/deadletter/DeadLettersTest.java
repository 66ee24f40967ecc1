package com.cpsync.syncsupport.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.mock.MockConsumerFactory;
import org.springframework.kafka.mock.MockProducerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.util.backoff.FixedBackOff;

import com.cpsync.schemas.avro.SyncSettings;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLettersTest {

    private final MockProducer<Object, Object> broker =
            new MockProducer<>(true, null, (topic, key) -> new byte[0], (topic, value) -> new byte[0]);
    private final KafkaTemplate<Object, Object> template = new KafkaTemplate<>(new MockProducerFactory<>(() -> broker));

    @Test
    void shouldSendAFailedRecordToItsTopicsDltWithTheRootCause() {
        ConsumerRecord<Object, Object> failed = new ConsumerRecord<>("centerpoint.events.v1", 2, 41L, "t1",
                "raw".getBytes(StandardCharsets.UTF_8));

        DeadLetters.recoverer(template).accept(failed,
                new IllegalStateException("listener failed", new InvalidMessageException("not a CenterpointEvent")));

        assertThat(broker.history()).singleElement().satisfies(dead -> {
            assertThat(dead.topic()).isEqualTo("centerpoint.events.v1.DLT");
            assertThat(dead.key()).isEqualTo("t1");
            assertThat(text(dead, DeadLetters.REASON_HEADER)).isEqualTo("not a CenterpointEvent");
            assertThat(text(dead, KafkaHeaders.DLT_ORIGINAL_OFFSET)).isNotNull();
        });
    }

    @Test
    void shouldDeadLetterAnInvalidMessageAtOnceButRetryOtherFailures() {
        DefaultErrorHandler handler = DeadLetters.errorHandler(template, new FixedBackOff(0L, 3L));
        MockConsumer<Object, Object> consumer = new MockConsumer<>("earliest");
        MessageListenerContainer container = new KafkaMessageListenerContainer<>(
                new MockConsumerFactory<>(() -> consumer), new ContainerProperties("centerpoint.events.v1"));
        ConsumerRecord<Object, Object> invalid = new ConsumerRecord<>("centerpoint.events.v1", 0, 1L, "t1", "x");
        ConsumerRecord<Object, Object> flaky = new ConsumerRecord<>("centerpoint.events.v1", 0, 2L, "t1", "y");

        boolean invalidRecovered = handler.handleOne(new InvalidMessageException("bad field"), invalid, consumer,
                container);
        boolean flakyRecovered = handler.handleOne(new IllegalStateException("mapping-service down"), flaky, consumer,
                container);

        assertThat(invalidRecovered).isTrue();
        assertThat(flakyRecovered).isFalse();
        assertThat(broker.history()).singleElement()
                .satisfies(dead -> assertThat(text(dead, DeadLetters.REASON_HEADER)).isEqualTo("bad field"));
    }

    @Test
    void shouldWriteAHandMadeDeadLetterWithTheSameHeaders() {
        SyncSettings value = SyncSettings.newBuilder().setTenantId("t1").setUpdatedAt(Instant.EPOCH).build();

        ProducerRecord<String, SpecificRecord> dead = DeadLetters.record("qbo.changes.v1", "r9", value,
                "realm r9 is not connected to any tenant");

        assertThat(dead.topic()).isEqualTo("qbo.changes.v1.DLT");
        assertThat(dead.value()).isSameAs(value);
        assertThat(utf8(dead.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE)))
                .isEqualTo("realm r9 is not connected to any tenant");
        assertThat(utf8(dead.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC))).isEqualTo("qbo.changes.v1");
        assertThat(utf8(dead.headers().lastHeader(DeadLetters.REASON_HEADER)))
                .isEqualTo("realm r9 is not connected to any tenant");
    }

    @Test
    void shouldSerialiseDeadLettersAsRawBytesOrAvro() {
        DefaultKafkaProducerFactory<Object, Object> producers = DeadLetters.producerFactory(new HashMap<>(Map.of(
                "bootstrap.servers", "localhost:1")));

        assertThat(producers.getKeySerializer()).isInstanceOf(StringSerializer.class);
        assertThat(producers.getValueSerializer().serialize("t", "raw".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("raw".getBytes(StandardCharsets.UTF_8));
        assertThat(producers.getValueSerializer().serialize("t",
                SyncSettings.newBuilder().setTenantId("t1").setUpdatedAt(Instant.EPOCH).build())).isNotEmpty();
    }

    private static String text(ProducerRecord<Object, Object> record, String header) {
        Header found = record.headers().lastHeader(header);
        return found == null ? null : utf8(found);
    }

    private static String utf8(Header header) {
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
