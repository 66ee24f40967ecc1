package com.cpsync.syncsupport.outcome;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;

import org.springframework.kafka.core.KafkaTemplate;

import com.cpsync.schemas.avro.SyncOutcome;
import com.cpsync.syncsupport.kafka.BrokerAck;

/**
 * Writes outcomes to {@code sync.outcomes.v1} (key tenant id) and counts each acknowledged one in
 * {@value #COUNTER} (exposed to Prometheus as {@code sync_outcomes_total}) by direction, entity and result.
 */
public class SyncOutcomeKafkaPublisher {

    public static final String COUNTER = "sync_outcomes";

    private final KafkaTemplate<String, SpecificRecord> kafka;
    private final String topic;
    private final MeterRegistry meters;
    private final Clock clock;

    public SyncOutcomeKafkaPublisher(KafkaTemplate<String, SpecificRecord> kafka, String topic, MeterRegistry meters,
            Clock clock) {
        this.kafka = kafka;
        this.topic = topic;
        this.meters = meters;
        this.clock = clock;
    }

    /** Sends without waiting (to wait for several sends at once); counted when the broker acknowledges. */
    public CompletableFuture<?> send(Outcome outcome) {
        return kafka.send(topic, outcome.tenantId(), toAvro(outcome, clock.instant()))
                .thenRun(() -> count(outcome));
    }

    /** Sends and returns once the broker has it; {@code KafkaSendFailedException} otherwise. */
    public void publish(Outcome outcome) {
        BrokerAck.await(send(outcome));
    }

    public static SyncOutcome toAvro(Outcome outcome, Instant now) {
        return SyncOutcome.newBuilder()
                .setOutcomeId(UUID.randomUUID().toString())
                .setTenantId(outcome.tenantId())
                .setRealmId(outcome.realmId())
                .setOccurredAt(now)
                .setCausationId(outcome.causationId())
                .setDirection(outcome.direction())
                .setEntityType(outcome.entity())
                .setCenterpointId(outcome.centerpointId())
                .setQboId(outcome.qboId())
                .setAction(outcome.action())
                .setResult(outcome.result())
                .setReason(outcome.reason())
                .setQboErrorCode(outcome.qboErrorCode())
                .build();
    }

    private void count(Outcome outcome) {
        meters.counter(COUNTER, "direction", outcome.direction().name(), "entity", outcome.entity().name(),
                "result", outcome.result().name()).increment();
    }
}
