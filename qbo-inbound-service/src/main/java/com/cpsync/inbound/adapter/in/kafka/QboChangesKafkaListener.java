package com.cpsync.inbound.adapter.in.kafka;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;

import com.cpsync.inbound.adapter.out.kafka.ChangeAvroMapper;
import com.cpsync.inbound.adapter.out.kafka.InboundKafkaPublisher;
import com.cpsync.inbound.application.ProcessQboChanges;
import com.cpsync.inbound.domain.change.EntityChange;
import com.cpsync.schemas.avro.QboEntityChange;

/**
 * Consumes {@code qbo.changes.v1} in batches (so changes of one realm can share one CDC call). An
 * unreadable record is reported by index: the records before it are processed and committed, it
 * goes to the DLT, and the partition keeps flowing. Realms that failed transiently come back one
 * record at a time from the retry topic, whose own container backs off (blocking only that topic).
 */
public class QboChangesKafkaListener {

    private final ProcessQboChanges processQboChanges;

    public QboChangesKafkaListener(ProcessQboChanges processQboChanges) {
        this.processQboChanges = processQboChanges;
    }

    @KafkaListener(id = "qbo-inbound.changes", topics = "${app.topics.changes:qbo.changes.v1}", batch = "true")
    void on(List<ConsumerRecord<String, Object>> records) {
        List<EntityChange> changes = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            Object value = records.get(i).value();
            if (!(value instanceof QboEntityChange change)) {
                processQboChanges.process(changes);
                String reason = "not a QboEntityChange: "
                        + (value == null ? "unreadable record" : value.getClass().getSimpleName());
                throw new BatchListenerFailedException(reason, new InvalidChangeRecordException(reason), i);
            }
            changes.add(ChangeAvroMapper.toDomain(change));
        }
        processQboChanges.process(changes);
    }

    @KafkaListener(id = "qbo-inbound.changes-retry", topics = InboundKafkaPublisher.RETRY_TOPIC,
            containerFactory = "retryListenerContainerFactory")
    void onRetry(ConsumerRecord<String, Object> record) {
        if (!(record.value() instanceof QboEntityChange change)) {
            throw new InvalidChangeRecordException("not a QboEntityChange: unreadable record");
        }
        processQboChanges.processRetry(List.of(ChangeAvroMapper.toDomain(change)));
    }
}
