package com.cpsync.outbound.adapter.out.kafka;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;

import org.springframework.kafka.core.KafkaTemplate;

import com.cpsync.outbound.application.port.OutcomePublisher;
import com.cpsync.outbound.application.port.SyncOutcomeRecord;
import com.cpsync.outbound.application.port.TenantMustWait;
import com.cpsync.outbound.application.port.WaitReason;
import com.cpsync.schemas.avro.SyncAction;
import com.cpsync.schemas.avro.SyncDirection;
import com.cpsync.schemas.avro.SyncEntityType;
import com.cpsync.schemas.avro.SyncOutcome;
import com.cpsync.schemas.avro.SyncResult;

/** Writes outcomes to sync.outcomes.v1 (key tenant id), waiting for the broker, and counts them. */
public class SyncOutcomeKafkaPublisher implements OutcomePublisher {

    private final KafkaTemplate<String, SpecificRecord> kafka;
    private final String topic;
    private final MeterRegistry meters;

    public SyncOutcomeKafkaPublisher(KafkaTemplate<String, SpecificRecord> kafka, String topic, MeterRegistry meters) {
        this.kafka = kafka;
        this.topic = topic;
        this.meters = meters;
    }

    @Override
    public void publish(SyncOutcomeRecord outcome) {
        SyncOutcome avro = SyncOutcome.newBuilder()
                .setOutcomeId(UUID.randomUUID().toString())
                .setTenantId(outcome.tenantId())
                .setRealmId(outcome.realmId())
                .setOccurredAt(Instant.now())
                .setCausationId(outcome.causationId())
                .setDirection(SyncDirection.TO_QBO)
                .setEntityType(SyncEntityType.valueOf(outcome.entity().name()))
                .setCenterpointId(outcome.centerpointId())
                .setQboId(outcome.qboId())
                .setAction(SyncAction.valueOf(outcome.action().name()))
                .setResult(SyncResult.valueOf(outcome.result().name()))
                .setReason(outcome.reason())
                .setQboErrorCode(outcome.qboErrorCode())
                .build();
        try {
            kafka.send(topic, outcome.tenantId(), avro).get(30, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new TenantMustWait(WaitReason.FAILING, null, "interrupted while publishing an outcome", ex);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new TenantMustWait(WaitReason.FAILING, null, "cannot publish outcome: " + ex.getMessage(), ex);
        }
        meters.counter("sync_outcomes", "direction", "TO_QBO", "entity", outcome.entity().name(),
                "result", outcome.result().name()).increment();
    }
}
