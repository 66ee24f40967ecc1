package com.cpsync.outbound.adapter.in.kafka;

import java.time.Instant;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;

import com.cpsync.outbound.domain.events.OutboundEvent;
import com.cpsync.schemas.avro.CenterpointEvent;
import com.cpsync.syncsupport.deadletter.InvalidMessageException;

/**
 * Hands each Centerpoint event to its tenant's work queue, and each record of the waiting topic to its
 * lane; unreadable ones go to the DLT. One consumer reads both topics, so that partition p of each is
 * assigned to the same instance (RangeAssignor, see KafkaConfig).
 */
public class CenterpointEventsKafkaListener {

    public static final String ID = "cp-outbound.events";

    private final EventIntake intake;

    public CenterpointEventsKafkaListener(EventIntake intake) {
        this.intake = intake;
    }

    @KafkaListener(id = ID, topics = {"${app.topics.events}", "${app.waiting.topic}"},
            containerFactory = "eventsContainerFactory")
    void on(ConsumerRecord<String, SpecificRecord> record, Acknowledgment ack) {
        if (!(record.value() instanceof CenterpointEvent value)) {
            throw new InvalidMessageException("not a CenterpointEvent: "
                    + (record.value() == null ? "null value" : record.value().getSchema().getFullName()));
        }
        OutboundEvent event = CenterpointEventAvroMapper.toDomain(value);
        if (intake.isWaitingTopic(record.topic())) {
            intake.acceptWaiting(record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
                    record.headers(), value, event, ack);
        }
        else {
            intake.accept(record.partition(), record.offset(), value, event, ack);
        }
    }
}
