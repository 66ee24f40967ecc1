package com.cpsync.outbound.adapter.out.kafka;

import com.cpsync.outbound.application.port.OutcomePublisher;
import com.cpsync.outbound.application.port.SyncOutcomeRecord;
import com.cpsync.outbound.application.port.TenantMustWait;
import com.cpsync.outbound.application.port.WaitReason;
import com.cpsync.schemas.avro.SyncAction;
import com.cpsync.schemas.avro.SyncDirection;
import com.cpsync.schemas.avro.SyncEntityType;
import com.cpsync.schemas.avro.SyncResult;
import com.cpsync.syncsupport.kafka.KafkaSendFailedException;
import com.cpsync.syncsupport.outcome.Outcome;
import com.cpsync.syncsupport.outcome.SyncOutcomeKafkaPublisher;

/** This service's outcomes (direction TO_QBO) through the shared publisher. */
public record ToQboOutcomeKafkaPublisher(SyncOutcomeKafkaPublisher outcomes) implements OutcomePublisher {

    /** Returns once the broker has it; a broker that does not answer makes the tenant wait. */
    @Override
    public void publish(SyncOutcomeRecord outcome) {
        try {
            outcomes.publish(new Outcome(outcome.tenantId(), outcome.realmId(), outcome.causationId(),
                    SyncDirection.TO_QBO, SyncEntityType.valueOf(outcome.entity().name()), outcome.centerpointId(),
                    outcome.qboId(), SyncAction.valueOf(outcome.action().name()),
                    SyncResult.valueOf(outcome.result().name()), outcome.reason(), outcome.qboErrorCode()));
        }
        catch (KafkaSendFailedException ex) {
            throw new TenantMustWait(WaitReason.FAILING, null, "cannot publish outcome: " + ex.getMessage(), ex);
        }
    }
}
