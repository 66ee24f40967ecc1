package com.cpsync.syncsupport.outcome;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;

import org.springframework.kafka.core.KafkaTemplate;

import com.cpsync.schemas.avro.SyncOutcome;
import com.cpsync.syncsupport.kafka.BrokerAck;

/**
 * Writes outcomes to {@code sync.outcomes.v1} (key tenant id) and counts each acknowledged one in
 * {@value #COUNTER} (exposed to Prometheus as {@code sync_outcomes_total}) by direction, entity and result.
 * Each record carries the trace id current when it is sent ({@code traceId}, null when untraced), so an
 * outcome leads to the logs and spans of the event or change that caused it.
 */
public class SyncOutcomeKafkaPublisher {

    public static final String COUNTER = "sync_outcomes";

    private final KafkaTemplate<String, SpecificRecord> kafka;
    private final String topic;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Supplier<String> currentTraceId;

    /** Without tracing: outcomes carry no trace id. */
    public SyncOutcomeKafkaPublisher(KafkaTemplate<String, SpecificRecord> kafka, String topic, MeterRegistry meters,
            Clock clock) {
        this(kafka, topic, meters, clock, () -> null);
    }

    /** {@code currentTraceId} answers the calling thread's trace id, or null (see {@code tracing.TraceIds}). */
    public SyncOutcomeKafkaPublisher(KafkaTemplate<String, SpecificRecord> kafka, String topic, MeterRegistry meters,
            Clock clock, Supplier<String> currentTraceId) {
        this.kafka = kafka;
        this.topic = topic;
        this.meters = meters;
        this.clock = clock;
        this.currentTraceId = currentTraceId;
    }

    /** Sends without waiting (to wait for several sends at once); counted when the broker acknowledges. */
    public CompletableFuture<?> send(Outcome outcome) {
        String traceId = outcome.traceId() != null ? outcome.traceId() : currentTraceId.get();
        return kafka.send(topic, outcome.tenantId(), toAvro(outcome, clock.instant(), traceId))
                .thenRun(() -> count(outcome));
    }

    /** Sends and returns once the broker has it; {@code KafkaSendFailedException} otherwise. */
    public void publish(Outcome outcome) {
        BrokerAck.sendAndAwait(() -> send(outcome));
    }

    public static SyncOutcome toAvro(Outcome outcome, Instant now) {
        return toAvro(outcome, now, null);
    }

    public static SyncOutcome toAvro(Outcome outcome, Instant now, String traceId) {
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
                .setTraceId(traceId)
                .build();
    }

    private void count(Outcome outcome) {
        meters.counter(COUNTER, "direction", outcome.direction().name(), "entity", outcome.entity().name(),
                "result", outcome.result().name()).increment();
    }
}
