package com.cpsync.syncsupport.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Reads a whole (usually compacted) topic into memory and keeps following it: every partition
 * assigned, no consumer group, no commits, from the beginning (each instance needs every tenant).
 * {@link #caughtUp()} turns true once it has read up to the end offsets taken when it started.
 * A record that cannot be read or applied is logged and skipped: the topic's owner fixes it, and
 * the previous value stays. A failure starts the reading over with a new consumer after a pause,
 * so a dead reader never freezes the memory for good.
 *
 * @param <V> the value type the consumers deserialise to (null values are tombstones)
 */
public class ReplayedTopicReader<V> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReplayedTopicReader.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    private final String topic;
    private final Supplier<? extends Consumer<String, V>> consumers;
    private final java.util.function.Consumer<ConsumerRecord<String, V>> onRecord;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Consumer<String, V> consumer;
    private volatile Thread thread;

    /**
     * @param consumers makes a fresh consumer for each (re)start; it must not use a group id
     * @param onRecord  applies one record (key, value or null for a tombstone) to the memory
     */
    public ReplayedTopicReader(String topic, Supplier<? extends Consumer<String, V>> consumers,
            BiConsumer<String, ? super V> onRecord) {
        this(topic, consumers, record -> onRecord.accept(record.key(), record.value()));
    }

    private ReplayedTopicReader(String topic, Supplier<? extends Consumer<String, V>> consumers,
            java.util.function.Consumer<ConsumerRecord<String, V>> onRecord) {
        this.topic = topic;
        this.consumers = consumers;
        this.onRecord = onRecord;
    }

    /**
     * For a memory that needs more of a record than its key and value (its headers).
     *
     * @param consumers makes a fresh consumer for each (re)start; it must not use a group id
     * @param onRecord  applies one record (a null value is a tombstone) to the memory
     */
    public static <V> ReplayedTopicReader<V> ofRecords(String topic, Supplier<? extends Consumer<String, V>> consumers,
            java.util.function.Consumer<ConsumerRecord<String, V>> onRecord) {
        return new ReplayedTopicReader<>(topic, consumers, onRecord);
    }

    public void start() {
        running.set(true);
        thread = new Thread(this::run, "replay-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    public boolean caughtUp() {
        return caughtUp.getCount() == 0;
    }

    public String topic() {
        return topic;
    }

    /** Blocks until the topic was read up to its start-up end; an {@link IllegalStateException} after the timeout. */
    public void awaitCaughtUp(Duration timeout) {
        try {
            if (!caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("topic " + topic + " not read to its end in " + timeout);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + topic, ex);
        }
    }

    @Override
    public void close() {
        running.set(false);
        Consumer<String, V> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread reading = thread;
        if (reading != null) {
            try {
                reading.join(5_000);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        while (running.get()) {
            try (Consumer<String, V> reader = consumers.get()) {
                consumer = reader;
                if (running.get()) {
                    follow(reader);
                }
            }
            catch (WakeupException stopping) {
                return;
            }
            catch (RuntimeException ex) {
                log.warn("Reading {} failed; reading it again", topic, ex);
                pauseBeforeRetry();
            }
        }
    }

    private void follow(Consumer<String, V> reader) {
        List<TopicPartition> partitions = partitions(reader);
        reader.assign(partitions);
        reader.seekToBeginning(partitions);
        Map<TopicPartition, Long> endAtStart = new HashMap<>(reader.endOffsets(partitions));
        while (running.get()) {
            for (ConsumerRecord<String, V> record : reader.poll(POLL)) {
                apply(record);
            }
            if (!caughtUp() && endAtStart.entrySet().stream()
                    .allMatch(end -> reader.position(end.getKey()) >= end.getValue())) {
                log.info("Read {} up to its start-up end offsets", topic);
                caughtUp.countDown();
            }
        }
    }

    private List<TopicPartition> partitions(Consumer<String, V> reader) {
        while (running.get()) {
            List<PartitionInfo> infos = reader.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
            }
        }
        return List.of();
    }

    private void apply(ConsumerRecord<String, V> record) {
        if (record.headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) != null) {
            log.warn("Skipping unreadable record {}-{}@{}; the previous value of key {} stays", record.topic(),
                    record.partition(), record.offset(), record.key());
            return;
        }
        try {
            onRecord.accept(record);
        }
        catch (RuntimeException ex) {
            log.warn("Skipping record {}-{}@{} that cannot be applied", record.topic(), record.partition(),
                    record.offset(), ex);
        }
    }

    private void pauseBeforeRetry() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }
}
