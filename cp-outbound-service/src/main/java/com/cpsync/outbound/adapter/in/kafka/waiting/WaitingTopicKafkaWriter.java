package com.cpsync.outbound.adapter.in.kafka.waiting;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import com.cpsync.schemas.avro.CenterpointEvent;
import com.cpsync.syncsupport.kafka.BrokerAck;

/**
 * Writes to the waiting topic by partition number, not by key: partition p of the events topic goes to
 * partition p here whatever partitioner Centerpoint's producer used, so both stay with one consumer.
 */
public record WaitingTopicKafkaWriter(KafkaTemplate<String, SpecificRecord> kafka,
        String topic) implements WaitingTopic {

    @Override
    public long append(int partition, String tenantId, CenterpointEvent value, int cycles, Instant waitingSince) {
        ProducerRecord<String, SpecificRecord> record = new ProducerRecord<>(topic, partition, tenantId, value);
        new WaitingHeaders(cycles, waitingSince).writeTo(record.headers());
        CompletableFuture<SendResult<String, SpecificRecord>> send = kafka.send(record);
        BrokerAck.await(send);
        return send.join().getRecordMetadata().offset();
    }
}
