package com.cpsync.console.adapter.in.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.cpsync.console.domain.outcome.IndexedOutcome;
import com.cpsync.console.domain.outcome.TopicPosition;
import com.cpsync.schemas.avro.SyncOutcome;

/** A {@code sync.outcomes.v1} record to the console's outcome. */
final class SyncOutcomeAvroMapper {

    private SyncOutcomeAvroMapper() {
    }

    static IndexedOutcome toDomain(ConsumerRecord<?, ?> record, SyncOutcome outcome) {
        return new IndexedOutcome(new TopicPosition(record.topic(), record.partition(), record.offset()),
                outcome.getOutcomeId(), outcome.getTenantId(), outcome.getRealmId(), outcome.getOccurredAt(),
                outcome.getCausationId(), outcome.getDirection().name(), outcome.getEntityType().name(),
                outcome.getCenterpointId(), outcome.getQboId(), outcome.getAction().name(),
                outcome.getResult().name(), outcome.getReason(), outcome.getQboErrorCode());
    }
}
