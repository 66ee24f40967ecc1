package com.cpsync.console.adapter.out.kafka;

import org.apache.avro.specific.SpecificRecord;

import org.springframework.kafka.core.KafkaTemplate;

import com.cpsync.console.application.port.ResolutionSender;
import com.cpsync.console.domain.conflict.ConflictResolutionCommand;
import com.cpsync.schemas.avro.ConflictResolution;
import com.cpsync.schemas.avro.ResolutionAction;

/** Publishes a resolution as Avro {@link ConflictResolution}, keyed by tenant, and waits for the broker's ack. */
public record ResolutionKafkaSender(KafkaTemplate<String, SpecificRecord> kafka, String topic)
        implements ResolutionSender {

    @Override
    public void send(ConflictResolutionCommand command) {
        BrokerAcks.await(kafka.send(topic, command.tenantId(), toAvro(command)),
                "resolution " + command.resolutionId());
    }

    static ConflictResolution toAvro(ConflictResolutionCommand command) {
        return ConflictResolution.newBuilder().setResolutionId(command.resolutionId())
                .setTenantId(command.tenantId()).setConflictId(command.conflictOutcomeId())
                .setEntityType(command.entityType()).setCenterpointId(command.centerpointId())
                .setAction(ResolutionAction.valueOf(command.action().name())).setQboId(command.qboId())
                .setRequestedBy(command.requestedBy()).setRequestedAt(command.requestedAt()).build();
    }
}
