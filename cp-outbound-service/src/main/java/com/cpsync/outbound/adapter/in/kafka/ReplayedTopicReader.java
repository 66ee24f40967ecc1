package com.cpsync.outbound.adapter.in.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Reads a whole topic into memory and keeps following it: all partitions assigned (no consumer
 * group, no commits), from the beginning; {@link #caughtUp()} turns true once it has read up to the
 * end offsets taken at start-up. Used for the compacted settings topic, our entity-state topic and
 * the commands topic. A record that cannot be read is logged and skipped (the settings owner fixes it).
 */
public class ReplayedTopicReader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReplayedTopicReader.class);

    private final String topic;
    private final Supplier<Consumer<String, SpecificRecord>> consumers;
    private final BiConsumer<String, SpecificRecord> onRecord;
    private final AtomicBoolean caughtUp = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private volatile Consumer<String, SpecificRecord> consumer;
    private Thread thread;

    public ReplayedTopicReader(String topic, Supplier<Consumer<String, SpecificRecord>> consumers,
            BiConsumer<String, SpecificRecord> onRecord) {
        this.topic = topic;
        this.consumers = consumers;
        this.onRecord = onRecord;
    }

    public void start() {
        thread = new Thread(this::run, "replay-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    public boolean caughtUp() {
        return caughtUp.get();
    }

    public String topic() {
        return topic;
    }

    private void run() {
        while (running.get()) {
            try (Consumer<String, SpecificRecord> kafka = consumers.get()) {
                consumer = kafka;
                List<TopicPartition> partitions = partitions(kafka);
                kafka.assign(partitions);
                kafka.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = kafka.endOffsets(partitions);
                while (running.get()) {
                    for (ConsumerRecord<String, SpecificRecord> record : kafka.poll(Duration.ofMillis(500))) {
                        apply(record);
                    }
                    if (!caughtUp.get() && end.entrySet().stream()
                            .allMatch(e -> kafka.position(e.getKey()) >= e.getValue())) {
                        log.info("Read {} up to its start-up end offsets", topic);
                        caughtUp.set(true);
                    }
                }
            }
            catch (WakeupException ex) {
                return;
            }
            catch (RuntimeException ex) {
                log.warn("Reading {} failed; starting over", topic, ex);
            }
        }
    }

    private List<TopicPartition> partitions(Consumer<String, SpecificRecord> kafka) {
        while (running.get()) {
            List<PartitionInfo> infos = kafka.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            }
        }
        return List.of();
    }

    private void apply(ConsumerRecord<String, SpecificRecord> record) {
        if (record.headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) != null) {
            log.warn("Skipping unreadable record {}-{}@{}", record.topic(), record.partition(), record.offset());
            return;
        }
        try {
            onRecord.accept(record.key(), record.value());
        }
        catch (RuntimeException ex) {
            log.warn("Skipping unreadable record {}-{}@{}", record.topic(), record.partition(), record.offset(), ex);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        Consumer<String, SpecificRecord> kafka = consumer;
        if (kafka != null) {
            kafka.wakeup();
        }
        if (thread != null) {
            thread.join(5_000);
        }
    }
}
