package com.cpsync.deploy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
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
    void shouldGiveBothSyncServicesOneQboBudgetPerRealmInTheStacksDatabase() {
        for (ServiceSpec sync : services.subList(2, 4)) {
            assertThat(sync.args()).as(sync.name())
                    .contains("--app.qbo.budget.datasource-url=jdbc:postgresql://localhost:5555/postgres");
            assertThat(sync.dependsOn()).as(sync.name()).contains("postgresql");
        }
        assertThat(services.get(4).args()).noneMatch(arg -> arg.startsWith("--app.qbo.budget."));
        // the console shows each realm's budget from the same table
        assertThat(services.get(5).args())
                .contains("--app.qbo.budget.datasource-url=jdbc:postgresql://localhost:5555/postgres");
    }

    @Test
    void shouldBindEveryServiceToTheLoopbackInterfaceOnly() {
        assertThat(services).allSatisfy(service -> assertThat(service.args()).contains("--server.address=127.0.0.1"));
    }

    @Test
    void shouldGiveEachCallerItsOwnPrivateKeyAndMappingServiceTheMatchingPublicKeys() throws Exception {
        Map<String, String> mappingEnv = services.get(1).env();
        for (ServiceSpec caller : List.of(services.get(2), services.get(3), services.get(4), services.get(5))) {
            String privateKey = caller.env().get("SERVICE_AUTH_PRIVATE_KEY");
            String publicKey = mappingEnv.get(LocalServiceKeys.PUBLIC_KEY_ENV.get(caller.name()));

            assertThat(signedAndVerified(privateKey, publicKey)).as(caller.name()).isTrue();
            assertThat(caller.args()).noneMatch(arg -> arg.contains(privateKey));
        }
        assertThat(signedAndVerified(services.get(2).env().get("SERVICE_AUTH_PRIVATE_KEY"),
                mappingEnv.get("SERVICE_AUTH_QBO_INBOUND_PUBLIC_KEY"))).isFalse();
        assertThat(mappingEnv).doesNotContainKey("SERVICE_AUTH_PRIVATE_KEY");
        assertThat(services.get(0).env()).doesNotContainKey("SERVICE_AUTH_PRIVATE_KEY");
        // the same keys for a service started again (a chaos restart)
        assertThat(StackServices.of(config, "").get(2).env()).isEqualTo(services.get(2).env());
    }

    private static boolean signedAndVerified(String privateKey, String publicKey) throws Exception {
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        byte[] data = "mapping-service".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey))));
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(rsa.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey))));
        verifier.update(data);
        return verifier.verify(signature);
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
