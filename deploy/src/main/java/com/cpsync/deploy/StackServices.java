package com.cpsync.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The six services of the local stack, what each needs running first, and how each is told where the others are. */
final class StackServices {

    /** The two parts of the stack that are not services of ours; the launcher starts them first. */
    static final String KAFKA = "kafka";
    static final String POSTGRESQL = "postgresql";

    static final String SANDBOX = "qbo-sandbox";
    static final String MAPPING = "mapping-service";
    static final String OUTBOUND = "cp-outbound-service";
    static final String INBOUND = "qbo-inbound-service";
    static final String CENTERPOINT = "centerpoint-stand-in";
    static final String OPS_CONSOLE = "ops-console";

    static final List<String> ALL = List.of(SANDBOX, MAPPING, OUTBOUND, INBOUND, CENTERPOINT, OPS_CONSOLE);

    static final String LOOPBACK = "127.0.0.1";

    private StackServices() {
    }

    static List<ServiceSpec> of(StackConfig config, String jdbcUrl) {
        String sandboxUrl = "http://localhost:" + config.sandboxPort();
        String mappingUrl = "http://localhost:" + config.mappingPort();
        String webhookUrl = "http://localhost:" + config.inboundPort() + "/webhooks/quickbooks";
        Map<String, String> env = commonEnv(config, sandboxUrl, mappingUrl);
        List<String> common = List.of(
                // locally nothing listens beyond this machine (docs/security.md)
                "--server.address=" + LOOPBACK,
                "--spring.kafka.bootstrap-servers=" + config.kafkaBootstrapServers(),
                "--app.mapping-url=" + mappingUrl,
                "--app.qbo.base-url=" + sandboxUrl,
                "--management.endpoint.health.probes.enabled=true");
        // every caller of the sandbox (OAuth token exchange, QBO API, realm creation) starts after it
        List<String> syncNeeds = List.of(KAFKA, MAPPING, SANDBOX);
        // both sync services take each realm's QBO calls from one budget in the stack's database (docs/performance.md)
        List<String> budgetNeeds = List.of(KAFKA, POSTGRESQL, MAPPING, SANDBOX);
        List<String> sharedBudget = List.of("--app.qbo.budget.datasource-url=" + jdbcUrl,
                "--app.qbo.budget.username=postgres",
                "--app.qbo.budget.password=postgres");
        List<ServiceSpec> all = List.of(
                service(SANDBOX, config.sandboxPort(), List.of(), env, common,
                        "--sandbox.webhooks.target-url=" + webhookUrl,
                        "--sandbox.webhooks.verifier-token=" + config.webhookVerifierToken()),
                service(MAPPING, config.mappingPort(), List.of(POSTGRESQL, SANDBOX), withCallerPublicKeys(env), common,
                        "--spring.datasource.url=" + jdbcUrl,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--app.qbo.authorize-url=" + sandboxUrl + "/connect/oauth2",
                        "--app.qbo.token-url=" + sandboxUrl + "/oauth2/v1/tokens/bearer",
                        "--app.qbo.redirect-uri=" + mappingUrl + "/oauth/callback"),
                service(OUTBOUND, config.outboundPort(), budgetNeeds, withPrivateKey(env, OUTBOUND), common,
                        with(sharedBudget, "--app.mapping.base-url=" + mappingUrl)),
                service(INBOUND, config.inboundPort(), budgetNeeds, withPrivateKey(env, INBOUND), common,
                        with(sharedBudget, "--app.webhook.verifier-token=" + config.webhookVerifierToken(),
                                "--app.inbound.mapping-url=" + mappingUrl,
                                "--app.inbound.qbo-url=" + sandboxUrl)),
                service(CENTERPOINT, config.centerpointPort(), syncNeeds, withPrivateKey(env, CENTERPOINT), common,
                        "--app.sandbox-url=" + sandboxUrl),
                // its own schema (ops_console) in the stack's database; it reads mapping-service's connections when
                // its tenants page is shown (best effort, so no start dependency), and the sync services' shared
                // QBO budget (read only) for the same page
                service(OPS_CONSOLE, config.opsConsolePort(), List.of(KAFKA, POSTGRESQL),
                        withPrivateKey(env, OPS_CONSOLE), common,
                        with(sharedBudget, "--spring.datasource.url=" + jdbcUrl,
                                "--spring.datasource.username=postgres",
                                "--spring.datasource.password=postgres")));
        return all.stream().filter(service -> config.services().contains(service.name())).toList();
    }

    /**
     * Every part to start and what it needs first. Within a wave the order is the order of starting:
     * the sandbox's JVM first, then Kafka and PostgreSQL, whose starts block the launcher a few seconds
     * (formatting the broker's storage, initialising the database) while the sandbox boots.
     */
    static Map<String, List<String>> startDependencies(StackConfig config) {
        Map<String, List<String>> graph = new LinkedHashMap<>();
        of(config, "").forEach(service -> graph.put(service.name(), service.dependsOn()));
        graph.put(KAFKA, List.of());
        graph.put(POSTGRESQL, List.of());
        return graph;
    }

    private static String[] with(List<String> shared, String... own) {
        List<String> all = new ArrayList<>(shared);
        all.addAll(List.of(own));
        return all.toArray(String[]::new);
    }

    /** Keys travel in the environment, not the command line, which every user of the machine can read (ps). */
    private static Map<String, String> withPrivateKey(Map<String, String> env, String caller) {
        Map<String, String> own = new LinkedHashMap<>(env);
        own.put(LocalServiceKeys.PRIVATE_KEY_ENV, LocalServiceKeys.privateKey(caller));
        return Map.copyOf(own);
    }

    private static Map<String, String> withCallerPublicKeys(Map<String, String> env) {
        Map<String, String> own = new LinkedHashMap<>(env);
        LocalServiceKeys.PUBLIC_KEY_ENV.forEach((caller, name) -> own.put(name, LocalServiceKeys.publicKey(caller)));
        return Map.copyOf(own);
    }

    private static Map<String, String> commonEnv(StackConfig config, String sandboxUrl, String mappingUrl) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", config.kafkaBootstrapServers());
        env.put("MAPPING_URL", mappingUrl);
        env.put("QBO_BASE_URL", sandboxUrl);
        env.put("QBO_SANDBOX_URL", sandboxUrl);
        env.put("QBO_AUTHORIZE_URL", sandboxUrl + "/connect/oauth2");
        env.put("QBO_TOKEN_URL", sandboxUrl + "/oauth2/v1/tokens/bearer");
        env.put("KAFKA_PORT", String.valueOf(config.kafkaPort()));
        env.put("QBO_WEBHOOK_VERIFIER_TOKEN", config.webhookVerifierToken());
        env.put("MAPPING_PORT", String.valueOf(config.mappingPort()));
        env.put("CP_OUTBOUND_PORT", String.valueOf(config.outboundPort()));
        env.put("QBO_INBOUND_PORT", String.valueOf(config.inboundPort()));
        env.put("QBO_SANDBOX_PORT", String.valueOf(config.sandboxPort()));
        env.put("CENTERPOINT_PORT", String.valueOf(config.centerpointPort()));
        env.put("OPS_CONSOLE_PORT", String.valueOf(config.opsConsolePort()));
        return Map.copyOf(env);
    }

    private static ServiceSpec service(String name, int port, List<String> dependsOn, Map<String, String> env,
            List<String> common, String... own) {
        List<String> args = new ArrayList<>();
        args.add("--server.port=" + port);
        args.addAll(common);
        args.addAll(List.of(own));
        return new ServiceSpec(name, port, dependsOn, env, List.copyOf(args));
    }
}
