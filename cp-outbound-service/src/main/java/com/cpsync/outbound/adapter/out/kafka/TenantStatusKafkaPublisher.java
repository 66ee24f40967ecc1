package com.cpsync.outbound.adapter.out.kafka;

import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;

import com.cpsync.outbound.application.port.TenantStatusChange;
import com.cpsync.outbound.application.port.TenantStatusPublisher;
import com.cpsync.schemas.avro.TenantStatus;
import com.cpsync.schemas.avro.TenantWorkState;

/**
 * Each tenant status to the compacted status topic, key tenant id, fire-and-forget: the worker only hands it to a
 * thread of its own (a producer may block for metadata, and looking up the realm may ask mapping-service), and
 * a status the queue has no room for or the broker does not take is logged and dropped.
 */
public class TenantStatusKafkaPublisher implements TenantStatusPublisher, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TenantStatusKafkaPublisher.class);
    private static final int QUEUE = 1000;

    private final KafkaTemplate<String, SpecificRecord> kafka;
    private final String topic;
    private final String instance;
    private final Function<String, Optional<String>> realmOf;
    private final ExecutorService sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE), runnable -> {
                Thread thread = new Thread(runnable, "tenant-status-sender");
                thread.setDaemon(true);
                return thread;
            });

    public TenantStatusKafkaPublisher(KafkaTemplate<String, SpecificRecord> kafka, String topic, String instance,
            Function<String, Optional<String>> realmOf) {
        this.kafka = kafka;
        this.topic = topic;
        this.instance = instance;
        this.realmOf = realmOf;
    }

    @Override
    public void publish(TenantStatusChange change) {
        try {
            sender.execute(() -> send(change));
        }
        catch (RejectedExecutionException full) {
            log.warn("Status {} of tenant {} dropped: {} statuses wait to be sent", change.state(),
                    change.tenantId(), QUEUE);
        }
    }

    private void send(TenantStatusChange change) {
        try {
            kafka.send(topic, change.tenantId(), toAvro(change)).whenComplete((sent, failure) -> {
                if (failure != null) {
                    logLost(change, failure);
                }
            });
        }
        catch (RuntimeException failure) {
            logLost(change, failure);
        }
    }

    private TenantStatus toAvro(TenantStatusChange change) {
        return TenantStatus.newBuilder()
                .setTenantId(change.tenantId())
                .setRealmId(realm(change.tenantId()))
                .setState(TenantWorkState.valueOf(change.state().name()))
                .setReason(change.reason())
                .setUntil(change.until())
                .setInstance(instance)
                .setChangedAt(change.changedAt())
                .build();
    }

    private String realm(String tenantId) {
        try {
            return realmOf.apply(tenantId).orElse(null);
        }
        catch (RuntimeException unknown) {
            return null;
        }
    }

    private static void logLost(TenantStatusChange change, Throwable failure) {
        log.warn("Status {} of tenant {} not published: {}", change.state(), change.tenantId(), failure.toString());
    }

    @Override
    public void close() throws InterruptedException {
        sender.shutdown();
        sender.awaitTermination(5, TimeUnit.SECONDS);
    }
}
