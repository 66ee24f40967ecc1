package com.cpsync.console.adapter.in.kafka;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;

import com.cpsync.console.application.IndexRecords;
import com.cpsync.console.domain.deadletter.ConsumedDeadLetter;
import com.cpsync.console.domain.deadletter.Header;
import com.cpsync.console.domain.outcome.TopicPosition;
import com.cpsync.schemas.avro.CenterpointEvent;
import com.cpsync.schemas.avro.SyncOutcome;
import com.cpsync.schemas.serde.AvroDeserializer;
import com.cpsync.syncsupport.deadletter.InvalidMessageException;

/**
 * What the console consumes, each in its own group: outcomes, Centerpoint events (only for the numbers and names
 * outcomes are searched by) and every dead-letter topic (raw bytes, kept as they are for a replay).
 */
public class IndexKafkaListeners {

    private static final Logger log = LoggerFactory.getLogger(IndexKafkaListeners.class);

    private final IndexRecords index;
    private final AvroDeserializer avro = new AvroDeserializer();

    public IndexKafkaListeners(IndexRecords index) {
        this.index = index;
    }

    /** A record that is not a SyncOutcome goes to {@code sync.outcomes.v1.DLT}, which this console then lists. */
    @KafkaListener(id = "ops-console.outcomes", topics = "${app.topics.outcomes}")
    void onOutcome(ConsumerRecord<String, Object> record) {
        if (!(record.value() instanceof SyncOutcome outcome)) {
            throw new InvalidMessageException("not a SyncOutcome: " + describe(record.value()));
        }
        index.outcome(SyncOutcomeAvroMapper.toDomain(record, outcome));
    }

    /**
     * Bytes, read here: an unreadable event is cp-outbound-service's to dead-letter (it consumes the topic for
     * real), so the console only skips it rather than write a second dead letter of the same record.
     */
    @KafkaListener(id = "ops-console.labels", topics = "${app.topics.centerpoint-events}",
            containerFactory = "bytesListenerContainerFactory")
    void onCenterpointEvent(ConsumerRecord<byte[], byte[]> record) {
        Object value;
        try {
            value = avro.deserialize(record.topic(), record.value());
        }
        catch (RuntimeException ex) {
            log.debug("Centerpoint event at {}/{}/{} not labelled: {}", record.topic(), record.partition(),
                    record.offset(), ex.getMessage());
            return;
        }
        if (value instanceof CenterpointEvent event) {
            EntityLabelAvroMapper.toDomain(event).ifPresent(index::label);
        }
    }

    @KafkaListener(id = "ops-console.dead-letters", topicPattern = "${app.topics.dead-letter-pattern}",
            containerFactory = "bytesListenerContainerFactory")
    void onDeadLetter(ConsumerRecord<byte[], byte[]> record) {
        List<Header> headers = new ArrayList<>();
        record.headers().forEach(header -> headers.add(new Header(header.key(), header.value())));
        index.deadLetter(new ConsumedDeadLetter(new TopicPosition(record.topic(), record.partition(), record.offset()),
                record.key(), record.value(), headers, Instant.ofEpochMilli(record.timestamp())));
    }

    private static String describe(Object value) {
        return value == null ? "null (a tombstone)" : value.getClass().getSimpleName();
    }
}
