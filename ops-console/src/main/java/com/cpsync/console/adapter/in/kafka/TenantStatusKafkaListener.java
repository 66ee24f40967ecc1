package com.cpsync.console.adapter.in.kafka;

import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;

import com.cpsync.console.application.TrackTenantStatus;
import com.cpsync.console.domain.outcome.TopicPosition;
import com.cpsync.console.domain.tenant.WorkStatus;
import com.cpsync.schemas.avro.TenantStatus;
import com.cpsync.syncsupport.deadletter.InvalidMessageException;

/**
 * cp-outbound-service's parked / running state per tenant. A tombstone forgets the tenant's status; a record that is
 * not a TenantStatus goes to {@code cp-outbound.tenant-status.v1.DLT}, which this console then lists.
 */
public class TenantStatusKafkaListener {

    private final TrackTenantStatus track;

    public TenantStatusKafkaListener(TrackTenantStatus track) {
        this.track = track;
    }

    @KafkaListener(id = "ops-console.tenant-status", topics = "${app.topics.tenant-status}")
    void onTenantStatus(ConsumerRecord<String, Object> record) {
        if (record.value() == null) {
            track.gone(record.key());
            return;
        }
        if (!(record.value() instanceof TenantStatus status)) {
            throw new InvalidMessageException("not a TenantStatus: " + record.value().getClass().getSimpleName());
        }
        track.status(toDomain(record, status));
    }

    static WorkStatus toDomain(ConsumerRecord<String, Object> record, TenantStatus status) {
        Instant until = status.getUntil();
        return new WorkStatus(status.getTenantId(), status.getRealmId(),
                WorkStatus.State.valueOf(status.getState().name()), status.getReason(), until, status.getInstance(),
                status.getChangedAt(), new TopicPosition(record.topic(), record.partition(), record.offset()));
    }
}
