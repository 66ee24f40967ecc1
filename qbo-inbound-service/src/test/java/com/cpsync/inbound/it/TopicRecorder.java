package com.cpsync.inbound.it;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.cpsync.schemas.serde.AvroDeserializer;

/** Reads topics from the beginning in the background and keeps every record, for assertions. */
final class TopicRecorder implements AutoCloseable {

    private final KafkaConsumer<String, SpecificRecord> consumer;
    private final Map<String, List<ConsumerRecord<String, SpecificRecord>>> byTopic = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    TopicRecorder(String bootstrapServers, List<String> topics) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        AvroDeserializer avro = new AvroDeserializer();
        // poison records are part of some tests: keep them (value null) instead of dying on them
        Deserializer<SpecificRecord> lenient = (topic, data) -> {
            try {
                return avro.deserialize(topic, data);
            }
            catch (SerializationException unreadable) {
                return null;
            }
        };
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), lenient);
        List<TopicPartition> partitions = topics.stream().map(topic -> new TopicPartition(topic, 0)).toList();
        topics.forEach(topic -> byTopic.put(topic, new CopyOnWriteArrayList<>()));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread = new Thread(this::run, "test-topic-recorder");
        thread.setDaemon(true);
        thread.start();
    }

    List<ConsumerRecord<String, SpecificRecord>> records(String topic) {
        return byTopic.get(topic);
    }

    <T> List<T> values(String topic, Class<T> type) {
        return records(topic).stream().map(ConsumerRecord::value).filter(type::isInstance).map(type::cast).toList();
    }

    private void run() {
        try {
            while (running) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> byTopic.get(record.topic()).add(record));
            }
        }
        catch (WakeupException stopping) {
            // closing
        }
        finally {
            consumer.close();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5_000);
    }
}
