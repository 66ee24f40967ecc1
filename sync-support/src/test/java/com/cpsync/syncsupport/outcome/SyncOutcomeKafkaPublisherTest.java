package com.cpsync.syncsupport.outcome;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;

import com.cpsync.schemas.avro.SyncAction;
import com.cpsync.schemas.avro.SyncDirection;
import com.cpsync.schemas.avro.SyncEntityType;
import com.cpsync.schemas.avro.SyncOutcome;
import com.cpsync.schemas.avro.SyncResult;
import com.cpsync.syncsupport.kafka.KafkaSendFailedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyncOutcomeKafkaPublisherTest {

    private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void shouldWriteTheOutcomeKeyedByTenantAndCountIt() {
        MockProducer<String, SpecificRecord> broker = broker(true);

        publisher(broker).publish(conflict());

        assertThat(broker.history()).singleElement().satisfies(sent -> {
            assertThat(sent.topic()).isEqualTo("sync.outcomes.v1");
            assertThat(sent.key()).isEqualTo("t1");
            SyncOutcome outcome = (SyncOutcome) sent.value();
            assertThat(outcome.getOutcomeId()).isNotBlank();
            assertThat(outcome.getOccurredAt()).isEqualTo(NOW);
            assertThat(outcome.getDirection()).isEqualTo(SyncDirection.FROM_QBO);
            assertThat(outcome.getResult()).isEqualTo(SyncResult.CONFLICT);
            assertThat(outcome.getReason()).isEqualTo("link clash");
        });
        assertThat(meters.counter(SyncOutcomeKafkaPublisher.COUNTER, "direction", "FROM_QBO", "entity",
                "PROJECT_INVOICE", "result", "CONFLICT").count()).isEqualTo(1.0);
    }

    @Test
    void shouldNeitherCountNorReturnNormallyWhenTheBrokerRefuses() {
        MockProducer<String, SpecificRecord> broker = broker(false);
        SyncOutcomeKafkaPublisher publisher = publisher(broker);
        Thread refuser = new Thread(() -> {
            while (!broker.errorNext(new IllegalStateException("not enough replicas"))) {
                Thread.onSpinWait();
            }
        });
        refuser.setDaemon(true);
        refuser.start();

        assertThatThrownBy(() -> publisher.publish(conflict())).isInstanceOf(KafkaSendFailedException.class)
                .hasMessageContaining("not enough replicas");
        assertThat(meters.find(SyncOutcomeKafkaPublisher.COUNTER).counter()).isNull();
    }

    /** A send that fails before it returns (seen once when the refusal above won the race) is a send failure too. */
    @Test
    void shouldCallASendThatFailsAtOnceASendFailure() {
        MockProducer<String, SpecificRecord> broker = broker(false);
        broker.sendException = new IllegalStateException("producer closed");
        SyncOutcomeKafkaPublisher publisher = publisher(broker);

        assertThatThrownBy(() -> publisher.publish(conflict())).isInstanceOf(KafkaSendFailedException.class)
                .hasMessageContaining("producer closed");
        assertThat(meters.find(SyncOutcomeKafkaPublisher.COUNTER).counter()).isNull();
    }

    @Test
    void shouldGiveEachOutcomeItsOwnId() {
        SyncOutcome first = SyncOutcomeKafkaPublisher.toAvro(conflict(), NOW);
        SyncOutcome second = SyncOutcomeKafkaPublisher.toAvro(conflict(), NOW);

        assertThat(first.getOutcomeId()).isNotEqualTo(second.getOutcomeId());
        assertThat(first.getQboId()).isEqualTo("129");
        assertThat(first.getAction()).isEqualTo(SyncAction.UPDATE);
    }

    @Test
    void shouldStampTheTraceIdCurrentWhenSending() {
        MockProducer<String, SpecificRecord> broker = broker(true);
        KafkaTemplate<String, SpecificRecord> kafka = new KafkaTemplate<>(new MockProducerFactory<>(() -> broker));
        String[] current = {null};
        SyncOutcomeKafkaPublisher traced = new SyncOutcomeKafkaPublisher(kafka, "sync.outcomes.v1", meters,
                Clock.fixed(NOW, ZoneOffset.UTC), () -> current[0]);
        current[0] = "4bf92f3577b34da6a3ce929d0e0e4736";

        traced.publish(conflict());

        assertThat(broker.history()).extracting(sent -> ((SyncOutcome) sent.value()).getTraceId())
                .containsExactly("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void shouldCarryNoTraceIdWithoutTracing() {
        MockProducer<String, SpecificRecord> broker = broker(true);

        publisher(broker).publish(conflict());

        assertThat(((SyncOutcome) broker.history().get(0).value()).getTraceId()).isNull();
    }

    private SyncOutcomeKafkaPublisher publisher(MockProducer<String, SpecificRecord> broker) {
        KafkaTemplate<String, SpecificRecord> kafka = new KafkaTemplate<>(new MockProducerFactory<>(() -> broker));
        return new SyncOutcomeKafkaPublisher(kafka, "sync.outcomes.v1", meters, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static MockProducer<String, SpecificRecord> broker(boolean acknowledgeAtOnce) {
        return new MockProducer<>(acknowledgeAtOnce, null, new StringSerializer(), (topic, value) -> new byte[0]);
    }

    private static Outcome conflict() {
        return new Outcome("t1", "r1", "change-1", SyncDirection.FROM_QBO, SyncEntityType.PROJECT_INVOICE, "p-B:129",
                "129", SyncAction.UPDATE, SyncResult.CONFLICT, "link clash", null);
    }
}
