package com.cpsync.inbound.adapter.out.kafka;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.avro.specific.SpecificRecord;

import org.springframework.kafka.core.KafkaTemplate;

import com.cpsync.inbound.application.ChangePublisher;
import com.cpsync.inbound.domain.change.EntityChange;
import com.cpsync.schemas.Topics;

/** Sends changes to {@code qbo.changes.v1}, keyed by realm so each realm's changes stay in order. */
public class ChangeKafkaPublisher implements ChangePublisher {

    private final KafkaTemplate<String, SpecificRecord> kafka;

    public ChangeKafkaPublisher(KafkaTemplate<String, SpecificRecord> kafka) {
        this.kafka = kafka;
    }

    @Override
    public CompletableFuture<Void> publish(List<EntityChange> changes) {
        CompletableFuture<?>[] sends = changes.stream()
                .map(change -> kafka.send(Topics.QBO_CHANGES, change.realmId(), ChangeAvroMapper.toAvro(change)))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(sends);
    }
}
