package com.cpsync.inbound.adapter.in.kafka;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;

import com.cpsync.inbound.adapter.out.kafka.ChangeAvroMapper;
import com.cpsync.inbound.adapter.out.kafka.InboundKafkaPublisher;
import com.cpsync.inbound.application.ConsumedRecord;
import com.cpsync.inbound.application.ProcessQboChanges;
import com.cpsync.inbound.application.ProcessQboChanges.Poison;
import com.cpsync.syncsupport.deadletter.InvalidMessageException;

/**
 * Consumes {@code qbo.changes.v1} in batches (so changes of one realm can share one CDC call). A poison
 * record is reported by index: the records before it were processed and are committed, it goes to the
 * DLT with the reason, and the partition keeps flowing. Realms that failed transiently come back one
 * record at a time from the retry topic, whose own container backs off (blocking only that topic).
 */
public class QboChangesKafkaListener {

    private final ProcessQboChanges processQboChanges;

    public QboChangesKafkaListener(ProcessQboChanges processQboChanges) {
        this.processQboChanges = processQboChanges;
    }

    @KafkaListener(id = "qbo-inbound.changes", topics = "${app.topics.changes:qbo.changes.v1}", batch = "true")
    void on(List<ConsumerRecord<String, Object>> records) {
        processQboChanges.process(toDomain(records)).ifPresent(poison -> {
            throw new BatchListenerFailedException(poison.reason(), invalid(poison), poison.index());
        });
    }

    @KafkaListener(id = "qbo-inbound.changes-retry", topics = InboundKafkaPublisher.RETRY_TOPIC,
            containerFactory = "retryListenerContainerFactory")
    void onRetry(ConsumerRecord<String, Object> record) {
        processQboChanges.processRetry(toDomain(List.of(record))).ifPresent(poison -> {
            throw invalid(poison);
        });
    }

    private static List<ConsumedRecord> toDomain(List<ConsumerRecord<String, Object>> records) {
        return records.stream().map(record -> ChangeAvroMapper.toDomain(record.value())).toList();
    }

    private static InvalidMessageException invalid(Poison poison) {
        return new InvalidMessageException(poison.reason());
    }
}
