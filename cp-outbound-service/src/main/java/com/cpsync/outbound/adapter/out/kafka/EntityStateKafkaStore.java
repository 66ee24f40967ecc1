package com.cpsync.outbound.adapter.out.kafka;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.avro.specific.SpecificRecord;

import org.springframework.kafka.core.KafkaTemplate;

import com.cpsync.outbound.adapter.in.kafka.CenterpointEventAvroMapper;
import com.cpsync.outbound.application.port.EntityStateStore;
import com.cpsync.outbound.application.port.TenantMustWait;
import com.cpsync.outbound.application.port.WaitReason;
import com.cpsync.schemas.avro.CenterpointEvent;

/**
 * Latest Centerpoint entity state per tenant: in memory for reads, written through to our own
 * compacted topic (key {@code tenant|Type|id}, value a CenterpointEvent whose payload is the *Updated
 * record) and replayed from it at start-up, so the store survives restarts and scales with Kafka.
 */
public class EntityStateKafkaStore implements EntityStateStore {

    private final KafkaTemplate<String, SpecificRecord> kafka;
    private final String topic;
    private final Map<String, Object> entities = new ConcurrentHashMap<>();

    public EntityStateKafkaStore(KafkaTemplate<String, SpecificRecord> kafka, String topic) {
        this.kafka = kafka;
        this.topic = topic;
    }

    @Override
    public <T> Optional<T> find(String tenantId, Class<T> type, String id) {
        return Optional.ofNullable(entities.get(key(tenantId, type, id))).map(type::cast);
    }

    @Override
    public void save(String tenantId, String id, Object entity) {
        String key = key(tenantId, entity.getClass(), id);
        CenterpointEvent record = new CenterpointEvent(UUID.randomUUID().toString(), tenantId, Instant.now(), null,
                CenterpointEventAvroMapper.stateOf(entity));
        try {
            kafka.send(topic, key, record).get(30, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new TenantMustWait(WaitReason.FAILING, null, "interrupted while storing state", ex);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new TenantMustWait(WaitReason.FAILING, null, "cannot store entity state: " + ex.getMessage(), ex);
        }
        entities.put(key, entity);
    }

    /** Replay of the topic at start-up (and of our own writes afterwards, which changes nothing). */
    public void onRecord(String key, SpecificRecord value) {
        if (value instanceof CenterpointEvent event) {
            Object entity = CenterpointEventAvroMapper.entityOf(event.getPayload());
            entities.put(key, entity);
        }
        else if (value == null) {
            entities.remove(key);
        }
    }

    private static String key(String tenantId, Class<?> type, String id) {
        return tenantId + "|" + type.getSimpleName() + "|" + id;
    }
}
