package com.cpsync.console.adapter.out.kafka;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.avro.specific.SpecificRecord;

import org.springframework.kafka.core.KafkaTemplate;

import com.cpsync.console.application.port.ResolutionSender;
import com.cpsync.console.domain.conflict.ConflictResolutionCommand;
import com.cpsync.schemas.avro.ConflictResolution;
import com.cpsync.schemas.avro.ResolutionAction;

/** Publishes a resolution as Avro {@link ConflictResolution}, keyed by tenant, and waits for the broker's ack. */
public class ResolutionKafkaSender implements ResolutionSender {

    private static final long ACK_TIMEOUT_SECONDS = 15;

    private final KafkaTemplate<String, SpecificRecord> kafka;
    private final String topic;

    public ResolutionKafkaSender(KafkaTemplate<String, SpecificRecord> kafka, String topic) {
        this.kafka = kafka;
        this.topic = topic;
    }

    @Override
    public void send(ConflictResolutionCommand command) {
        try {
            kafka.send(topic, command.tenantId(), toAvro(command)).get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending resolution " + command.resolutionId(), ex);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new IllegalStateException("the broker did not take resolution " + command.resolutionId() + ": "
                    + (ex.getCause() == null ? ex : ex.getCause()).getMessage(), ex);
        }
    }

    static ConflictResolution toAvro(ConflictResolutionCommand command) {
        return ConflictResolution.newBuilder().setResolutionId(command.resolutionId())
                .setTenantId(command.tenantId()).setConflictId(command.conflictOutcomeId())
                .setEntityType(command.entityType()).setCenterpointId(command.centerpointId())
                .setAction(ResolutionAction.valueOf(command.action().name())).setQboId(command.qboId())
                .setRequestedBy(command.requestedBy()).setRequestedAt(command.requestedAt()).build();
    }
}
