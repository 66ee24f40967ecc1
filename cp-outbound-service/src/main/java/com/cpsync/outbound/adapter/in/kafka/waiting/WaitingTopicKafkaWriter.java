package com.cpsync.outbound.adapter.in.kafka.waiting;

import java.util.concurrent.CompletableFuture;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import org.springframework.kafka.core.KafkaTemplate;

import com.cpsync.schemas.avro.CenterpointEvent;
import com.cpsync.syncsupport.kafka.BrokerAck;

/**
 * Writes to the waiting topic by partition number, not by key: partition p of the events topic goes to
 * partition p here whatever partitioner Centerpoint's producer used, so both stay with one consumer.
 */
public record WaitingTopicKafkaWriter(KafkaTemplate<String, SpecificRecord> kafka,
        String topic) implements WaitingTopic {

    @Override
    public long append(int partition, String tenantId, CenterpointEvent value, WaitingHeaders headers) {
        CompletableFuture<Long> send = appendAsync(partition, tenantId, value, headers);
        BrokerAck.await(send);
        return send.join();
    }

    @Override
    public CompletableFuture<Long> appendAsync(int partition, String tenantId, CenterpointEvent value,
            WaitingHeaders headers) {
        ProducerRecord<String, SpecificRecord> record = new ProducerRecord<>(topic, partition, tenantId, value);
        headers.writeTo(record.headers());
        try {
            return kafka.send(record).thenApply(sent -> sent.getRecordMetadata().offset());
        }
        catch (RuntimeException ex) {
            // a producer that fails at once (KafkaTemplate throws): the same as a failed send
            return CompletableFuture.failedFuture(ex);
        }
    }
}
