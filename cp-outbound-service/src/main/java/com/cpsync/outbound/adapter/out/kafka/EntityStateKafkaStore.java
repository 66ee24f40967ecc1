package com.cpsync.outbound.adapter.out.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

import org.springframework.kafka.core.KafkaTemplate;

import com.cpsync.outbound.adapter.in.kafka.CenterpointEventAvroMapper;
import com.cpsync.outbound.application.port.EntityStateStore;
import com.cpsync.outbound.application.port.TenantMustWait;
import com.cpsync.outbound.application.port.WaitReason;
import com.cpsync.outbound.domain.events.SourcePosition;
import com.cpsync.outbound.domain.events.StateSource;
import com.cpsync.schemas.avro.CenterpointEvent;

/**
 * Latest Centerpoint entity state per tenant: in memory for reads, written through to our own
 * compacted topic (key {@code tenant|Type|id}, value a CenterpointEvent whose payload is the *Updated
 * record) and replayed from it at start-up, so the store survives restarts and scales with Kafka. The event a state
 * came from travels with it: its time as the record's {@code occurredAt}, its position on the events topic as the
 * {@value #SOURCE_HEADER} header (a record without it, written before, has no known source).
 */
public class EntityStateKafkaStore implements EntityStateStore {

    private final KafkaTemplate<String, SpecificRecord> kafka;
    private final String topic;
    public static final String SOURCE_HEADER = "cpsync_state-source";

    private final Map<String, Remembered> entities = new ConcurrentHashMap<>();

    public EntityStateKafkaStore(KafkaTemplate<String, SpecificRecord> kafka, String topic) {
        this.kafka = kafka;
        this.topic = topic;
    }

    @Override
    public <T> Optional<T> find(String tenantId, Class<T> type, String id) {
        return Optional.ofNullable(entities.get(key(tenantId, type, id))).map(Remembered::entity).map(type::cast);
    }

    @Override
    public Optional<StateSource> sourceOf(String tenantId, Class<?> type, String id) {
        return Optional.ofNullable(entities.get(key(tenantId, type, id))).map(Remembered::source)
                .filter(source -> source.position().known());
    }

    @Override
    public void save(String tenantId, String id, Object entity, StateSource source) {
        String key = key(tenantId, entity.getClass(), id);
        ProducerRecord<String, SpecificRecord> record = new ProducerRecord<>(topic, key, new CenterpointEvent(
                UUID.randomUUID().toString(), tenantId, source.occurredAt(), null, CenterpointEventAvroMapper.stateOf(entity)));
        record.headers().add(SOURCE_HEADER, source.position().toString().getBytes(StandardCharsets.UTF_8));
        try {
            kafka.send(record).get(30, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new TenantMustWait(WaitReason.FAILING, null, "interrupted while storing state", ex);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new TenantMustWait(WaitReason.FAILING, null, "cannot store entity state: " + ex.getMessage(), ex);
        }
        entities.put(key, new Remembered(entity, source));
    }

    /**
     * Replay of the topic at start-up, then of every instance's writes (ours change nothing): a state another
     * instance saved is known here too, and an event it handled is known as handled.
     */
    public void onRecord(ConsumerRecord<String, SpecificRecord> record) {
        if (record.value() instanceof CenterpointEvent event) {
            Object entity = CenterpointEventAvroMapper.entityOf(event.getPayload());
            Header source = record.headers().lastHeader(SOURCE_HEADER);
            SourcePosition position = SourcePosition.parse(
                    source == null ? null : new String(source.value(), StandardCharsets.UTF_8));
            entities.put(record.key(), new Remembered(entity, new StateSource(position, event.getOccurredAt())));
        }
        else if (record.value() == null) {
            entities.remove(record.key());
        }
    }

    private record Remembered(Object entity, StateSource source) {
    }

    private static String key(String tenantId, Class<?> type, String id) {
        return tenantId + "|" + type.getSimpleName() + "|" + id;
    }
}
