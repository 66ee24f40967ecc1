package com.cpsync.inbound.adapter.in.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.support.serializer.SerializationUtils;

import com.cpsync.inbound.application.SettingsDirectory;
import com.cpsync.inbound.domain.decision.InboundSettings;
import com.cpsync.schemas.avro.SyncSettings;

/**
 * Reads the compacted settings topic into memory: every partition, from the beginning, without a
 * consumer group (each instance needs every tenant). Changes are not processed before the topic
 * was read to its end once, so a restart never syncs with missing settings.
 */
public class SyncSettingsKafkaReader implements SettingsDirectory, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SyncSettingsKafkaReader.class);
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    private final Supplier<Consumer<String, Object>> consumers;
    private final String topic;
    private final Map<String, InboundSettings> byTenant = new ConcurrentHashMap<>();
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile Consumer<String, Object> consumer;
    private volatile Thread thread;
    private volatile boolean running;

    public SyncSettingsKafkaReader(Supplier<Consumer<String, Object>> consumers, String topic) {
        this.consumers = consumers;
        this.topic = topic;
    }

    @Override
    public Optional<InboundSettings> of(String tenantId) {
        return Optional.ofNullable(byTenant.get(tenantId));
    }

    @Override
    public void awaitCaughtUp() {
        try {
            if (!caughtUp.await(CATCH_UP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("settings topic " + topic + " not read to its end in " + CATCH_UP_TIMEOUT);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for settings", ex);
        }
    }

    public boolean isCaughtUp() {
        return caughtUp.getCount() == 0;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "sync-settings-reader");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Consumer<String, Object> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            if (thread != null) {
                thread.join(5_000);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the listener containers, so settings are there first. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 200;
    }

    /**
     * Reads until stopped. A failure starts the reading over with a new consumer instead of ending the
     * thread: a dead reader would leave every tenant's settings frozen (or never caught up) for good.
     */
    private void run() {
        while (running) {
            try (Consumer<String, Object> reader = consumers.get()) {
                consumer = reader;
                if (running) {
                    follow(reader);
                }
            }
            catch (WakeupException stopping) {
                log.debug("settings reader stopped");
                return;
            }
            catch (RuntimeException ex) {
                log.warn("settings reader failed; reading {} again", topic, ex);
                pauseBeforeRetry();
            }
        }
    }

    private void follow(Consumer<String, Object> reader) {
        List<TopicPartition> partitions = partitions(reader);
        reader.assign(partitions);
        reader.seekToBeginning(partitions);
        Map<TopicPartition, Long> endAtStart = new HashMap<>(reader.endOffsets(partitions));
        while (running) {
            ConsumerRecords<String, Object> records = reader.poll(Duration.ofMillis(500));
            records.forEach(this::apply);
            if (!isCaughtUp() && endAtStart.entrySet().stream()
                    .allMatch(end -> reader.position(end.getKey()) >= end.getValue())) {
                log.info("sync settings read to the end: {} tenant(s)", byTenant.size());
                caughtUp.countDown();
            }
        }
    }

    private void pauseBeforeRetry() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private List<TopicPartition> partitions(Consumer<String, Object> reader) {
        while (running) {
            List<PartitionInfo> infos = reader.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
            }
        }
        return List.of();
    }

    private void apply(ConsumerRecord<String, Object> record) {
        if (record.key() == null) {
            return;
        }
        if (record.headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) != null) {
            log.warn("unreadable settings record at {}-{}@{}: kept the previous settings of tenant {}",
                    record.topic(), record.partition(), record.offset(), record.key());
            return;
        }
        if (record.value() == null) {
            byTenant.remove(record.key());
        }
        else if (record.value() instanceof SyncSettings settings) {
            byTenant.put(record.key(), toDomain(settings));
        }
    }

    static InboundSettings toDomain(SyncSettings s) {
        return new InboundSettings(s.getGetNewCompaniesFromQbo(), s.getGetCompanyChangesFromQbo(),
                s.getGetNewProjectInvoices(), s.getGetProjectInvoiceChanges(), s.getDeleteProjectInvoicesDeletedInQbo(),
                s.getGetNewPayments(), s.getGetPaymentChanges(), s.getDeletePaymentsDeletedInQbo());
    }
}
