package com.cpsync.outbound.it;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

import com.cpsync.schemas.Topics;
import com.cpsync.schemas.avro.CenterpointEvent;
import com.cpsync.schemas.serde.AvroSerializer;

/**
 * What the waiting ITs need beyond the shared base: where a published event landed (partition, offset),
 * and a consumer group's committed offset.
 */
final class WaitingItClients implements AutoCloseable {

    private final KafkaProducer<String, SpecificRecord> producer;
    private final Admin admin;

    WaitingItClients(String brokers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringSerializer(), new AvroSerializer());
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers));
    }

    record Published(String eventId, int partition, long offset) {
    }

    /** Publishes an event as Centerpoint does (keyed by tenant, default partitioner). */
    Published publish(String tenantId, Object payload) {
        CenterpointEvent event = CenterpointEvent.newBuilder().setEventId(UUID.randomUUID().toString())
                .setTenantId(tenantId).setOccurredAt(Instant.now()).setCausationId(null).setPayload(payload).build();
        try {
            RecordMetadata written = producer.send(new ProducerRecord<>(Topics.CENTERPOINT_EVENTS, tenantId, event))
                    .get(30, TimeUnit.SECONDS);
            return new Published(event.getEventId(), written.partition(), written.offset());
        }
        catch (InterruptedException | ExecutionException | TimeoutException ex) {
            throw new IllegalStateException("could not publish " + event.getEventId(), ex);
        }
    }

    /** The events partition a tenant's events land on (the producer's default: murmur2 of the key). */
    static int partitionOf(String tenantId, int partitions) {
        return Utils.toPositive(Utils.murmur2(tenantId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** The group's committed offset on one partition of the events topic, -1 when it committed none. */
    long committed(String group, int partition) throws Exception {
        OffsetAndMetadata offset = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS).get(new TopicPartition(Topics.CENTERPOINT_EVENTS, partition));
        return offset == null ? -1 : offset.offset();
    }

    @Override
    public void close() {
        producer.close();
        admin.close();
    }
}
