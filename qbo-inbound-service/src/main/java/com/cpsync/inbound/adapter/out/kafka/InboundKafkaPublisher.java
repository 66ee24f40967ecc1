package com.cpsync.inbound.adapter.out.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

import com.cpsync.inbound.application.Emission;
import com.cpsync.inbound.application.InboundPublisher;
import com.cpsync.inbound.domain.change.EntityChange;
import com.cpsync.schemas.Topics;

/** Sends commands and outcomes keyed by tenant and waits for the broker's acknowledgement. */
public class InboundKafkaPublisher implements InboundPublisher {

    /** This service's own internal topic for realms that failed transiently. */
    public static final String RETRY_TOPIC = Topics.QBO_CHANGES + ".retry";

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaTemplate<String, SpecificRecord> kafka;
    private final MeterRegistry meters;
    private final Clock clock;

    public InboundKafkaPublisher(KafkaTemplate<String, SpecificRecord> kafka, MeterRegistry meters, Clock clock) {
        this.kafka = kafka;
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    public void publish(List<Emission> emissions) {
        Instant now = clock.instant();
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (Emission emission : emissions) {
            if (emission.commandId() != null) {
                sends.add(kafka.send(Topics.CENTERPOINT_COMMANDS, emission.tenantId(),
                        DecisionAvroMapper.toCommand(emission, now)));
            }
            sends.add(kafka.send(Topics.SYNC_OUTCOMES, emission.tenantId(), DecisionAvroMapper.toOutcome(emission, now)));
        }
        await(CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)));
        emissions.forEach(emission -> meters.counter("sync_outcomes_total", "direction", "FROM_QBO",
                "entity", emission.decision().entity().name(), "result", emission.decision().result().name())
                .increment());
    }

    @Override
    public void deadLetter(EntityChange change, String reason) {
        ProducerRecord<String, SpecificRecord> record = new ProducerRecord<>(Topics.dlt(Topics.QBO_CHANGES),
                change.realmId(), ChangeAvroMapper.toAvro(change));
        record.headers().add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, reason.getBytes(StandardCharsets.UTF_8));
        record.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, Topics.QBO_CHANGES.getBytes(StandardCharsets.UTF_8));
        await(kafka.send(record));
        meters.counter("qbo_changes_dead_lettered_total", "entity", change.entity().qboName()).increment();
    }

    @Override
    public void forwardToRetry(List<EntityChange> changes) {
        // same key, one producer, idempotent: the realm's order is kept on the retry topic
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (EntityChange change : changes) {
            sends.add(kafka.send(RETRY_TOPIC, change.realmId(), ChangeAvroMapper.toAvro(change)));
        }
        await(CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)));
        meters.counter("qbo_changes_retried_total").increment(changes.size());
    }

    private static void await(CompletableFuture<?> sends) {
        try {
            sends.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", ex);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new IllegalStateException("publishing to Kafka failed: " + ex.getMessage(), ex);
        }
    }
}
