package com.cpsync.standin.adapter.out.kafka;

import java.time.Duration;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import org.apache.avro.specific.SpecificRecord;
import reactor.core.publisher.Mono;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import com.cpsync.schemas.Topics;
import com.cpsync.schemas.avro.CenterpointEvent;
import com.cpsync.schemas.avro.SyncSettings;
import com.cpsync.standin.adapter.avro.CenterpointAvroMapper;
import com.cpsync.standin.application.CenterpointEventPublisher;
import com.cpsync.standin.domain.CompanyChanged;

/** Publishes what Centerpoint produces: events and sync settings, keyed by tenant. */
@Component
public class CenterpointKafkaPublisher implements CenterpointEventPublisher {

    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);
    private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

    private final KafkaTemplate<String, SpecificRecord> kafkaTemplate;

    public CenterpointKafkaPublisher(KafkaTemplate<String, SpecificRecord> kafkaTemplate) {
        this.kafkaTemplate = kafkaTemplate;
    }

    @Override
    public void publish(CompanyChanged event) {
        publish(CenterpointAvroMapper.toAvro(event)).block(PUBLISH_TIMEOUT);
    }

    /** Completes once the broker acknowledged the event. */
    public Mono<Void> publish(CenterpointEvent event) {
        return send(Topics.CENTERPOINT_EVENTS, event.getTenantId(), event);
    }

    public Mono<Void> publish(SyncSettings settings) {
        return send(Topics.CENTERPOINT_SYNC_SETTINGS, settings.getTenantId(), settings);
    }

    /**
     * Sent inside the HTTP request's observation, which WebFlux keeps in the Reactor context rather than on
     * the thread: the record's {@code traceparent} header then starts (or continues) the event's trace.
     */
    private Mono<Void> send(String topic, String key, SpecificRecord value) {
        return Mono.deferContextual(context -> {
            try (ContextSnapshot.Scope scope = SNAPSHOTS.setThreadLocalsFrom(context)) {
                return Mono.fromFuture(kafkaTemplate.send(topic, key, value));
            }
        }).then();
    }
}
