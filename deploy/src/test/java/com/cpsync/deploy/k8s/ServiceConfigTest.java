package com.cpsync.deploy.k8s;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.cpsync.deploy.k8s.ServiceConfig.Listener;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceConfigTest {

    private static final String PROPERTIES = """
            server.port=${INBOUND_PORT:8083}
            spring.kafka.bootstrap-servers=${KAFKA_BOOTSTRAP_SERVERS:localhost:${KAFKA_PORT:9092}}
            spring.kafka.consumer.group-id=inbound
            app.topics.events=events.v1
            app.topics.events-partitions=3
            app.topics.dead-letter-pattern=.*\\.DLT
            app.waiting.topic=waiting.v1
            app.waiting.check-interval=${app.work.poll}
            app.work.poll=30s
            """;
    private static final String LISTENERS = """
            class Listeners {
                public static final String ID = "inbound.events";

                @KafkaListener(id = ID, topics = {"${app.topics.events}", "${app.waiting.topic}"},
                        containerFactory = "events")
                void on(Object record) {
                }

                @KafkaListener(topics = "${app.topics.changes:changes.v1}", batch = "true")
                void onChanges(Object records) {
                }

                @KafkaListener(id = "inbound.retry", topics = Publisher.RETRY_TOPIC)
                void onRetry(Object record) {
                }

                @Value("${app.lag.interval:15s}") Duration interval;
            }
            """;

    private final ServiceConfig config = ServiceConfig.of("inbound", PROPERTIES, List.of(LISTENERS),
            "<artifactId>spring-boot-starter-jdbc</artifactId>");

    @Test
    void shouldResolveNestedPlaceholdersToTheirDefaults() {
        assertThat(config.defaultValue("server.port")).contains("8083");
        assertThat(config.defaultValue("spring.kafka.bootstrap-servers")).contains("localhost:9092");
        assertThat(config.defaultValue("app.waiting.check-interval")).contains("30s");
        assertThat(config.defaultValue("app.absent")).isEmpty();
    }

    @Test
    void shouldLetTheEnvironmentReplaceAPropertyOrFillItsPlaceholders() {
        assertThat(config.valueWith("server.port", Map.of("INBOUND_PORT", "9000"))).contains("9000");
        assertThat(config.valueWith("server.port", Map.of("SERVER_PORT", "9001", "INBOUND_PORT", "9000")))
                .contains("9001");
        assertThat(config.valueWith("spring.kafka.bootstrap-servers", Map.of("KAFKA_PORT", "19092")))
                .contains("localhost:19092");
        assertThat(config.valueWith("app.waiting.check-interval", Map.of("APP_WORK_POLL", "5s"))).contains("5s");
    }

    @Test
    void shouldKnowTheVariablesItNamesAndThePropertiesTheEnvironmentBindsTo() {
        assertThat(config.environmentVariablesInPlaceholders())
                .containsExactlyInAnyOrder("INBOUND_PORT", "KAFKA_BOOTSTRAP_SERVERS", "KAFKA_PORT");
        assertThat(config.bindsFromEnvironment("SERVER_PORT")).isTrue();
        assertThat(config.bindsFromEnvironment("APP_WAITING_CHECKINTERVAL")).isTrue();
        assertThat(config.bindsFromEnvironment("APP_LAG_INTERVAL")).as("named only in Java").isTrue();
        assertThat(config.bindsFromEnvironment("APP_WAITING_CHECK_INTERVAL")).isFalse();
        assertThat(config.bindsFromEnvironment("SERVER_ADDRESS")).isFalse();
    }

    @Test
    void shouldTakeAListenersIdAsItsGroupAndTheConfiguredGroupOnlyWithoutAnId() {
        assertThat(config.listeners()).containsExactly(
                new Listener("inbound.events", List.of("events.v1", "waiting.v1")),
                new Listener("inbound", List.of("changes.v1")),
                new Listener("inbound.retry", List.of("?Publisher.RETRY_TOPIC")));
    }

    @Test
    void shouldNameTopicsButNotPartitionCountsOrPatterns() {
        assertThat(config.topicProperties()).containsExactly("app.topics.events", "app.waiting.topic");
    }
}
