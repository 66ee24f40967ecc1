package com.cpsync.inbound.adapter.out.kafka;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;

import org.springframework.kafka.core.KafkaTemplate;

import com.cpsync.inbound.application.Emission;
import com.cpsync.inbound.application.InboundPublisher;
import com.cpsync.inbound.domain.change.EntityChange;
import com.cpsync.schemas.Topics;
import com.cpsync.syncsupport.deadletter.DeadLetters;
import com.cpsync.syncsupport.kafka.BrokerAck;
import com.cpsync.syncsupport.outcome.SyncOutcomeKafkaPublisher;

/** Sends commands and outcomes keyed by tenant and waits for the broker's acknowledgement. */
public record InboundKafkaPublisher(KafkaTemplate<String, SpecificRecord> kafka, SyncOutcomeKafkaPublisher outcomes,
        MeterRegistry meters, Clock clock) implements InboundPublisher {

    /** This service's own internal topic for realms that failed transiently. */
    public static final String RETRY_TOPIC = Topics.QBO_CHANGES + ".retry";

    @Override
    public void publish(List<Emission> emissions) {
        Instant now = clock.instant();
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (Emission emission : emissions) {
            if (emission.commandId() != null) {
                sends.add(kafka.send(Topics.CENTERPOINT_COMMANDS, emission.tenantId(),
                        DecisionAvroMapper.toCommand(emission, now)));
            }
            sends.add(outcomes.send(DecisionAvroMapper.toOutcome(emission)));
        }
        BrokerAck.await(sends);
    }

    @Override
    public void deadLetter(EntityChange change, String reason) {
        BrokerAck.await(kafka.send(DeadLetters.record(Topics.QBO_CHANGES, change.realmId(),
                ChangeAvroMapper.toAvro(change), reason)));
        meters.counter("qbo_changes_dead_lettered_total", "entity", change.entity().qboName()).increment();
    }

    @Override
    public void forwardToRetry(List<EntityChange> changes) {
        // same key, one producer, idempotent: the realm's order is kept on the retry topic
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (EntityChange change : changes) {
            sends.add(kafka.send(RETRY_TOPIC, change.realmId(), ChangeAvroMapper.toAvro(change)));
        }
        BrokerAck.await(sends);
        meters.counter("qbo_changes_retried_total").increment(changes.size());
    }
}
