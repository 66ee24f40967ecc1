package com.cpsync.outbound.adapter.in.kafka;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;

import com.cpsync.schemas.avro.CenterpointEvent;
import com.cpsync.syncsupport.deadletter.InvalidMessageException;

/** Hands each Centerpoint event to its tenant's work queue; unreadable ones go to the DLT. */
public class CenterpointEventsKafkaListener {

    public static final String ID = "cp-outbound.events";

    private final EventIntake intake;

    public CenterpointEventsKafkaListener(EventIntake intake) {
        this.intake = intake;
    }

    @KafkaListener(id = ID, topics = "${app.topics.events}", containerFactory = "eventsContainerFactory")
    void on(ConsumerRecord<String, SpecificRecord> record, Acknowledgment ack) {
        if (!(record.value() instanceof CenterpointEvent event)) {
            throw new InvalidMessageException("not a CenterpointEvent: "
                    + (record.value() == null ? "null value" : record.value().getSchema().getFullName()));
        }
        intake.accept(record.partition(), record.offset(), CenterpointEventAvroMapper.toDomain(event), ack);
    }
}
