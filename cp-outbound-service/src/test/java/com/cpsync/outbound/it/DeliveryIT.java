package com.cpsync.outbound.it;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;

import com.cpsync.outbound.adapter.out.kafka.EntityStateKafkaStore;
import com.cpsync.outbound.config.KafkaConfig;
import com.cpsync.outbound.domain.centerpoint.Company;
import com.cpsync.outbound.domain.events.SourcePosition;
import com.cpsync.outbound.domain.events.StateSource;
import com.cpsync.outbound.domain.jobs.RequestIds;
import com.cpsync.schemas.Topics;
import com.cpsync.schemas.avro.CenterpointEvent;
import com.cpsync.schemas.avro.CompaniesToQbo;
import com.cpsync.schemas.avro.CompanyCreated;
import com.cpsync.schemas.avro.CompanyUpdated;
import com.cpsync.schemas.avro.SyncOutcome;
import com.cpsync.schemas.avro.SyncResult;
import com.cpsync.schemas.serde.AvroDeserializer;

import static com.cpsync.outbound.it.ItFixtures.company;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** At-least-once delivery (issue 2): a record delivered twice or after a crash writes once; poison goes to the DLT. */
class DeliveryIT extends OutboundItBase {

    @Value("${app.topics.entity-state}")
    String entityStateTopic;

    @Test
    void shouldCreateOneCustomerWhenTheSameEventIsDeliveredTwice() {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED);
        CenterpointEvent event = event(t, new CompanyCreated(company("c1", "Twice Inc")));

        send(t, event);
        send(t, event);
        // a later event of the same company shows that both deliveries were handled (its lane keeps their order)
        String marker = publish(t, new CompanyUpdated(company("c1", "Twice Inc")));

        awaitOutcome(t, marker, "c1");
        assertThat(customerNames(t)).containsExactly("Twice Inc");
    }

    @Test
    void shouldCreateOneCustomerWhenTheServiceCrashedBetweenTheQboCreateAndTheOffsetCommit() {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED);
        CenterpointEvent event = event(t, new CompanyCreated(company("c1", "Crashy Corp")));
        // the state a crash leaves behind: QBO has the customer, created by our request with our requestid,
        // but there is no link and no offset commit
        String crashed = apps().createInQbo(t.realm(), "Customer",
                "{\"DisplayName\":\"Crashy Corp\",\"CompanyName\":\"Crashy Corp\"}",
                RequestIds.forEvent(event.getEventId(), "company:c1")).path("Id").asString();

        send(t, event);

        SyncOutcome outcome = awaitOutcome(t, event.getEventId(), "c1");
        assertThat(outcome.getResult()).isEqualTo(SyncResult.SYNCED);
        assertThat(outcome.getQboId()).isEqualTo(crashed);
        assertThat(apps().entities(t.realm(), "Customer")).hasSize(1);
        assertThat(apps().link(t.id(), "COMPANY", "c1").path("qboId").asString()).isEqualTo(crashed);
    }

    /**
     * Finding 18's rule needs, on another instance or after a restart, the event each state came from: the state
     * topic carries it, so a state replayed from there knows its event's place on the events topic and its time.
     */
    @Test
    void shouldKeepWithEachEntityStateTheEventItCameFromForAnyInstanceThatReadsTheStateTopic() throws Exception {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED);
        CenterpointEvent created = event(t, new CompanyCreated(company("c1", "Sourced Ltd")));
        RecordMetadata read = sendAwaited(new ProducerRecord<>(Topics.CENTERPOINT_EVENTS, t.id(), created));
        awaitOutcome(t, created.getEventId(), "c1");

        EntityStateKafkaStore anotherInstance = new EntityStateKafkaStore(null, entityStateTopic);
        try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), new StringDeserializer(),
                new AvroDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(entityStateTopic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(anotherInstance::onRecord);
                return anotherInstance.sourceOf(t.id(), Company.class, "c1").isPresent();
            });
        }

        assertThat(anotherInstance.sourceOf(t.id(), Company.class, "c1")).contains(new StateSource(
                new SourcePosition(read.partition(), read.offset()), created.getOccurredAt().truncatedTo(ChronoUnit.MILLIS)));
        assertThat(anotherInstance.find(t.id(), Company.class, "c1")).hasValueSatisfying(
                company -> assertThat(company.name()).isEqualTo("Sourced Ltd"));
    }

    @Test
    void shouldDeadLetterAMalformedRecordWithItsReasonAndProcessTheNextOne() {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED);
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(Topics.CENTERPOINT_EVENTS, t.id(),
                    "not avro".getBytes(StandardCharsets.UTF_8)));
        }
        String good = publish(t, new CompanyCreated(company("c1", "After Poison")));

        assertThat(awaitOutcome(t, good, "c1").getResult()).isEqualTo(SyncResult.SYNCED);
        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(t.id());
        Header reason = dead.headers().lastHeader(KafkaConfig.DLT_REASON_HEADER);
        assertThat(new String(reason.value(), StandardCharsets.UTF_8)).contains("Not an Avro single-object");
        assertThat(dead.headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
    }

    private ConsumerRecord<String, byte[]> awaitDeadLetter(String key) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.dlt(Topics.CENTERPOINT_EVENTS)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            await().atMost(WAIT).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(300)).forEach(seen::add);
                assertThat(seen).anyMatch(r -> key.equals(r.key()));
            });
            return seen.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
        }
    }
}
