package com.cpsync.deploy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.cpsync.deploy.demo.Capability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackConfigTest {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void shouldUseThePinnedDefaultPorts() {
        StackConfig config = StackConfig.from(Map.of(), List.of(), ROOT);

        assertThat(config.kafkaPort()).isEqualTo(9092);
        assertThat(config.kafkaControllerPort()).isEqualTo(9093);
        assertThat(config.mappingPort()).isEqualTo(8081);
        assertThat(config.outboundPort()).isEqualTo(8082);
        assertThat(config.inboundPort()).isEqualTo(8083);
        assertThat(config.sandboxPort()).isEqualTo(8090);
        assertThat(config.centerpointPort()).isEqualTo(8091);
        assertThat(config.opsConsolePort()).isEqualTo(8084);
        assertThat(config.webhookVerifierToken()).isEqualTo("local-verifier-token");
        assertThat(config.demo()).isFalse();
        assertThat(config.notYetAvailable()).isEmpty();
        assertThat(config.logsDir()).isEqualTo(Path.of("/repo/.run-local/logs"));
        assertThat(config.services()).hasSize(6);
    }

    @Test
    void shouldStartOnlyTheServicesNamedInStackServices() {
        StackConfig config = StackConfig.from(Map.of("STACK_SERVICES", "qbo-sandbox, mapping-service"), List.of(), ROOT);

        assertThat(config.services()).containsExactly("qbo-sandbox", "mapping-service");
        assertThat(StackServices.of(config, "jdbc:x")).extracting(ServiceSpec::name)
                .containsExactly("qbo-sandbox", "mapping-service");
        assertThatThrownBy(() -> StackConfig.from(Map.of("STACK_SERVICES", "payroll"), List.of(), ROOT))
                .hasMessageContaining("unknown service 'payroll'");
    }

    @Test
    void shouldTakePortsAndTokenFromTheEnvironment() {
        StackConfig config = StackConfig.from(Map.of("KAFKA_PORT", "19092", "MAPPING_PORT", "18081",
                "CENTERPOINT_PORT", "18091", "QBO_WEBHOOK_VERIFIER_TOKEN", "other", "DEMO_STEP_TIMEOUT_SECONDS", "5"),
                List.of(), ROOT);

        assertThat(config.kafkaBootstrapServers()).isEqualTo("localhost:19092");
        assertThat(config.kafkaControllerPort()).isEqualTo(19093);
        assertThat(config.mappingPort()).isEqualTo(18081);
        assertThat(config.centerpointPort()).isEqualTo(18091);
        assertThat(config.webhookVerifierToken()).isEqualTo("other");
        assertThat(config.stepTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void shouldReadDemoFlagAndCapabilitiesNotYetAvailableFromArgsAndEnvironment() {
        StackConfig config = StackConfig.from(Map.of("DEMO_NOT_YET_AVAILABLE", "inbound"),
                List.of("--demo", "--not-yet=projects, service_tickets".replace("service_tickets", "tickets")), ROOT);

        assertThat(config.demo()).isTrue();
        assertThat(config.notYetAvailable()).containsExactlyInAnyOrder(Capability.INBOUND, Capability.PROJECTS, Capability.TICKETS);
    }

    @Test
    void shouldRejectBadPortsUnknownArgumentsAndUnknownCapabilities() {
        assertThatThrownBy(() -> StackConfig.from(Map.of("MAPPING_PORT", "eighty"), List.of(), ROOT))
                .hasMessage("MAPPING_PORT must be a positive number but was 'eighty'");
        assertThatThrownBy(() -> StackConfig.from(Map.of("KAFKA_PORT", "70000"), List.of(), ROOT))
                .hasMessageContaining("KAFKA_PORT must be a TCP port");
        assertThatThrownBy(() -> StackConfig.from(Map.of(), List.of("--dmeo"), ROOT))
                .hasMessageContaining("unknown argument '--dmeo'").hasMessageContaining("usage:");
        assertThatThrownBy(() -> StackConfig.from(Map.of(), List.of("--not-yet=payroll"), ROOT))
                .hasMessageContaining("unknown capability 'payroll'").hasMessageContaining("inbound");
    }
}
