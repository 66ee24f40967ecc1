package com.cpsync.console.it;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a one-partition topic from its start, as bytes, until a record the caller waits for has come. */
final class TopicReading {

    private TopicReading() {
    }

    static List<ConsumerRecord<String, byte[]>> readUntil(String brokers, String topic,
            Predicate<ConsumerRecord<String, byte[]>> last, Duration atMost) {
        List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();
        Instant deadline = Instant.now().plus(atMost);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    read.add(record);
                    if (last.test(record)) {
                        return read;
                    }
                }
            }
        }
        throw new AssertionError("the awaited record did not come to " + topic + " within " + atMost + "; read "
                + read.size());
    }
}
