package com.cpsync.outbound.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

import com.cpsync.schemas.Topics;
import com.cpsync.schemas.avro.CenterpointEvent;
import com.cpsync.schemas.avro.SyncOutcome;
import com.cpsync.schemas.avro.SyncResult;
import com.cpsync.schemas.serde.AvroDeserializer;
import com.cpsync.schemas.serde.AvroSerializer;

/**
 * What the waiting ITs need beyond the shared base: where a published event landed (partition, offset),
 * every outcome of a tenant (not only the first per event), a consumer group's committed offset, and a
 * tenant's disconnection in mapping-service.
 */
final class WaitingItClients implements AutoCloseable {

    private final KafkaProducer<String, SpecificRecord> producer;
    private final KafkaConsumer<String, SpecificRecord> outcomeConsumer;
    private final Admin admin;
    private final List<SyncOutcome> outcomes = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    WaitingItClients(String brokers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringSerializer(), new AvroSerializer());
        outcomeConsumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringDeserializer(), new AvroDeserializer());
        List<TopicPartition> partitions = outcomeConsumer.partitionsFor(Topics.SYNC_OUTCOMES).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        outcomeConsumer.assign(partitions);
        outcomeConsumer.seekToBeginning(partitions);
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

    /** Every outcome of the event read so far, in topic order (reads what is new first). */
    synchronized List<SyncOutcome> outcomesOf(String eventId) {
        outcomeConsumer.poll(Duration.ofMillis(300)).forEach(r -> outcomes.add((SyncOutcome) r.value()));
        return outcomes.stream().filter(o -> o.getCausationId().equals(eventId)).toList();
    }

    synchronized List<SyncResult> resultsOf(String eventId) {
        return outcomesOf(eventId).stream().map(SyncOutcome::getResult).toList();
    }

    /** The group's committed offset on one partition of the events topic, -1 when it committed none. */
    long committed(String group, int partition) throws Exception {
        OffsetAndMetadata offset = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS).get(new TopicPartition(Topics.CENTERPOINT_EVENTS, partition));
        return offset == null ? -1 : offset.offset();
    }

    /** The tenant disconnects in mapping-service ({@code DELETE /tenants/{t}/connection}). */
    void disconnect(String mappingUrl, String tenantId) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                URI.create(mappingUrl + "/tenants/" + tenantId + "/connection")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 204) {
            throw new IllegalStateException("disconnect answered " + answer.statusCode() + " " + answer.body());
        }
    }

    @Override
    public synchronized void close() {
        producer.close();
        outcomeConsumer.close();
        admin.close();
    }
}
