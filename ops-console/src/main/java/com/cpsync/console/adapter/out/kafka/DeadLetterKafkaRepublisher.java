package com.cpsync.console.adapter.out.kafka;

import org.apache.kafka.clients.producer.ProducerRecord;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import com.cpsync.console.application.port.Republisher;
import com.cpsync.console.domain.deadletter.Header;
import com.cpsync.console.domain.deadletter.Replay;

/** Sends a replay's bytes as they are (no serde: they were written by the original producer) and waits for the ack. */
public class DeadLetterKafkaRepublisher implements Republisher, AutoCloseable {

    private final DefaultKafkaProducerFactory<byte[], byte[]> producers;
    private final KafkaTemplate<byte[], byte[]> kafka;

    public DeadLetterKafkaRepublisher(DefaultKafkaProducerFactory<byte[], byte[]> producers) {
        this.producers = producers;
        this.kafka = new KafkaTemplate<>(producers);
    }

    @Override
    public void send(Replay replay) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(replay.topic(), replay.partition(), replay.key(),
                replay.value());
        for (Header header : replay.headers()) {
            record.headers().add(header.name(), header.value());
        }
        BrokerAcks.await(kafka.send(record), "the replay to " + replay.topic());
    }

    @Override
    public void close() {
        producers.destroy();
    }
}
