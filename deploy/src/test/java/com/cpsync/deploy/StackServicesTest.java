package com.cpsync.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StackServicesTest {

    private final StackConfig config = StackConfig.from(Map.of("QBO_SANDBOX_PORT", "18090", "KAFKA_PORT", "19092"),
            List.of(), Path.of("/repo"));
    private final List<ServiceSpec> services = StackServices.of(config, "jdbc:postgresql://localhost:5555/postgres");

    @Test
    void shouldStartSixServicesFromTheirExecJars() {
        assertThat(services).extracting(ServiceSpec::name).containsExactly("qbo-sandbox", "mapping-service",
                "cp-outbound-service", "qbo-inbound-service", "centerpoint-stand-in", "ops-console");
        assertThat(services.get(1).jar(Path.of("/repo")))
                .isEqualTo(Path.of("/repo/mapping-service/target/mapping-service-0.1.0-SNAPSHOT-exec.jar"));
    }

    @Test
    void shouldPointEveryServiceAtTheBrokerAndTheSandboxOnTheirConfiguredPorts() {
        assertThat(services).allSatisfy(service -> {
            assertThat(service.args()).contains("--server.port=" + service.port(),
                    "--spring.kafka.bootstrap-servers=localhost:19092", "--app.qbo.base-url=http://localhost:18090");
            assertThat(service.env()).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "localhost:19092")
                    .containsEntry("QBO_BASE_URL", "http://localhost:18090");
        });
    }

    @Test
    void shouldGiveMappingServiceTheDatabaseAndTheSandboxOAuthEndpoints() {
        ServiceSpec mapping = services.get(1);

        assertThat(mapping.port()).isEqualTo(8081);
        assertThat(mapping.args()).contains("--spring.datasource.url=jdbc:postgresql://localhost:5555/postgres",
                "--app.qbo.authorize-url=http://localhost:18090/connect/oauth2",
                "--app.qbo.token-url=http://localhost:18090/oauth2/v1/tokens/bearer",
                "--app.qbo.redirect-uri=http://localhost:8081/oauth/callback");
    }

    @Test
    void shouldSendSandboxWebhooksToTheInboundIngressWithTheVerifierToken() {
        assertThat(services.get(0).args()).contains(
                "--sandbox.webhooks.target-url=http://localhost:8083/webhooks/quickbooks",
                "--sandbox.webhooks.verifier-token=local-verifier-token");
    }

    @Test
    void shouldGiveTheOpsConsoleTheDatabaseAndItsPortAfterKafkaAndPostgresql() {
        ServiceSpec console = services.get(5);

        assertThat(console.port()).isEqualTo(8084);
        assertThat(console.dependsOn()).containsExactly("kafka", "postgresql");
        assertThat(console.args()).contains("--server.port=8084",
                "--spring.datasource.url=jdbc:postgresql://localhost:5555/postgres");
        assertThat(console.env()).containsEntry("OPS_CONSOLE_PORT", "8084");
    }
}
