package com.cpsync.syncsupport.lag;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Lag read from a real broker: a held-back commit shows as lag, a partition never committed counts from its start. */
@EmbeddedKafka(partitions = 2, topics = { ConsumerGroupLagIT.COMMITTED, ConsumerGroupLagIT.METERED })
class ConsumerGroupLagIT {

    static final String COMMITTED = "lag-it.committed";
    static final String METERED = "lag-it.metered";

    private Admin admin;

    @BeforeEach
    void connect(EmbeddedKafkaBroker broker) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        admin = Admin.create(props);
    }

    @AfterEach
    void close() {
        admin.close();
    }

    @Test
    void shouldReportEndMinusCommittedPerPartition(EmbeddedKafkaBroker broker) throws Exception {
        produce(broker, COMMITTED, 0, 5);
        produce(broker, COMMITTED, 1, 1);
        commit(broker, "lag-it.group", new TopicPartition(COMMITTED, 0), 2);

        List<PartitionLag> lags = new ConsumerGroupLag(admin, 10_000).of("lag-it.group", List.of(COMMITTED));

        assertThat(lags).extracting(PartitionLag::partition, PartitionLag::lag)
                .containsExactly(tuple(0, 3L),
                        tuple(1, 1L));
    }

    @Test
    void shouldPublishTheLagAsAGaugePerGroupTopicAndPartition(EmbeddedKafkaBroker broker) throws Exception {
        produce(broker, METERED, 0, 4);
        commit(broker, "lag-it.meter", new TopicPartition(METERED, 0), 1);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();

        try (ConsumerGroupLagMeter meter = new ConsumerGroupLagMeter(new ConsumerGroupLag(admin, 10_000),
                Map.of("lag-it.meter", List.of(METERED)), Duration.ofHours(1))) {
            meter.bindTo(registry);
            List<PartitionLag> read = meter.refresh();

            long expected = read.stream().filter(lag -> lag.partition() == 0).findFirst().orElseThrow().lag();
            assertThat(registry.get(ConsumerGroupLagMeter.METRIC).tag("group", "lag-it.meter")
                    .tag("topic", METERED).tag("partition", "0").gauge().value()).isEqualTo(expected);
            assertThat(expected).isEqualTo(3);
        }
    }

    private static void produce(EmbeddedKafkaBroker broker, String topic, int partition, int count) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, partition, "tenant", "event-" + i)).get();
            }
        }
    }

    private static void commit(EmbeddedKafkaBroker broker, String group, TopicPartition partition, long offset) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(offset)));
        }
    }
}
