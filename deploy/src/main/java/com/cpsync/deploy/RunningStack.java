package com.cpsync.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the stack in order, waits for each part to be healthy, and stops it all. */
final class RunningStack {

    private static final Logger log = LoggerFactory.getLogger(RunningStack.class);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    private final StackConfig config;
    private final JavaCommand java;
    private final ChildProcesses processes = new ChildProcesses();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
    private final Map<String, ChildProcesses.Child> services = new LinkedHashMap<>();
    private final Map<String, String> urls = new LinkedHashMap<>();
    private EmbeddedPostgres postgres;
    private Path workDir;
    private volatile boolean stopped;

    RunningStack(StackConfig config, JavaCommand java) {
        this.config = config;
        this.java = java;
    }

    void start() throws Exception {
        Files.createDirectories(config.logsDir());
        workDir = Files.createTempDirectory("cpsync-local-stack");
        List<ServiceSpec> specs = StackServices.of(config, "jdbc:postgresql://localhost:0/postgres");
        for (ServiceSpec spec : specs) {
            if (!Files.isRegularFile(spec.jar(config.repoRoot()))) {
                throw new IllegalStateException(spec.jar(config.repoRoot()) + " is missing: run ./mvnw -B install -DskipTests");
            }
        }
        PortCheck.requireFree(config);
        log.info("Starting Kafka (KRaft, single node) on {} ...", config.kafkaBootstrapServers());
        KafkaBroker kafka = new KafkaBroker(config, java, processes);
        kafka.start(workDir.resolve("kafka"));
        log.info("Starting PostgreSQL (embedded) ...");
        postgres = EmbeddedPostgres.builder().setDataDirectory(workDir.resolve("postgres")).setCleanDataDirectory(true).start();
        String jdbcUrl = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
        kafka.awaitReadyAndCreateTopics(config.startTimeout());
        log.info("Kafka is up, topics created: {}", KafkaBroker.TOPICS);
        for (ServiceSpec spec : StackServices.of(config, jdbcUrl)) {
            log.info("Starting {} on port {} ...", spec.name(), spec.port());
            List<String> command = java.jarCommand(config.jvmOptions(), spec.jar(config.repoRoot()), spec.args());
            services.put(spec.name(), processes.start(spec.name(), command, spec.env(),
                    config.logsDir().resolve(spec.name() + ".log")));
            urls.put(spec.name(), spec.url());
        }
        for (ServiceSpec spec : StackServices.of(config, jdbcUrl)) {
            awaitHealthy(spec);
        }
        if (urls.containsKey(StackServices.SANDBOX)) {
            configureWebhooks();
        }
        printUrls(jdbcUrl);
    }

    String url(String service) {
        return urls.get(service);
    }

    private void awaitHealthy(ServiceSpec spec) throws InterruptedException {
        ChildProcesses.Child child = services.get(spec.name());
        Instant deadline = Instant.now().plus(config.startTimeout());
        while (Instant.now().isBefore(deadline)) {
            if (!child.process().isAlive()) {
                throw new IllegalStateException(spec.name() + " exited with code " + child.process().exitValue()
                        + ", see " + child.logFile());
            }
            if (isHealthy(spec)) {
                log.info("{} is up at {}", spec.name(), spec.url());
                return;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException(spec.name() + " was not healthy within " + config.startTimeout().toSeconds()
                + " s, see " + child.logFile());
    }

    /** Healthy: actuator says UP (200); a service without actuator counts once it answers HTTP at all (404). */
    private boolean isHealthy(ServiceSpec spec) throws InterruptedException {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(spec.url() + "/actuator/health"))
                    .timeout(PROBE_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200 || response.statusCode() == 404;
        }
        catch (IOException ex) {
            return false;
        }
    }

    private void configureWebhooks() throws IOException, InterruptedException {
        String body = "{\"targetUrl\":\"http://localhost:" + config.inboundPort() + "/webhooks/quickbooks\","
                + "\"verifierToken\":\"" + config.webhookVerifierToken() + "\",\"format\":\"CLOUDEVENTS\",\"enabled\":true}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url(StackServices.SANDBOX) + "/admin/webhooks"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("configuring the sandbox webhooks answered " + response.statusCode());
        }
        log.info("Sandbox webhooks go to http://localhost:{}/webhooks/quickbooks (CloudEvents, signed)", config.inboundPort());
    }

    private void printUrls(String jdbcUrl) {
        log.info("");
        log.info("The local stack is running:");
        log.info("  Kafka                 {}", config.kafkaBootstrapServers());
        log.info("  PostgreSQL            {}", jdbcUrl);
        urls.forEach((name, url) -> log.info("  {} {}", String.format("%-21s", name), url));
        if (urls.containsKey(StackServices.CENTERPOINT)) {
            log.info("  Try: curl -X PUT {}/tenants/demo/connection -H 'Content-Type: application/json' -d '{\"realmId\":\"123\"}'",
                    url(StackServices.CENTERPOINT));
        }
        log.info("  Logs: {}", config.logsDir());
    }

    /** Blocks until one of the services dies on its own (Ctrl-C ends the JVM before). */
    void awaitUnexpectedExit() throws InterruptedException {
        while (true) {
            for (Map.Entry<String, ChildProcesses.Child> entry : services.entrySet()) {
                if (!entry.getValue().process().isAlive() && !stopped) {
                    log.error("{} exited with code {}, see {}", entry.getKey(), entry.getValue().process().exitValue(),
                            entry.getValue().logFile());
                    return;
                }
            }
            Thread.sleep(2000);
        }
    }

    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        log.info("Stopping the local stack ...");
        processes.stopAll();
        closePostgres();
        deleteWorkDir();
        log.info("Stopped.");
    }

    private void closePostgres() {
        if (postgres != null) {
            try {
                postgres.close();
            }
            catch (IOException ex) {
                log.warn("PostgreSQL did not stop cleanly: {}", ex.getMessage());
            }
        }
    }

    private void deleteWorkDir() {
        if (workDir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(workDir)) {
            List<Path> all = new ArrayList<>(paths.sorted(Comparator.reverseOrder()).toList());
            for (Path path : all) {
                Files.deleteIfExists(path);
            }
        }
        catch (IOException | java.io.UncheckedIOException ex) {
            // PostgreSQL may still be removing its own files while it exits: what is left is in the temp dir
            log.warn("Could not delete {}: {}", workDir, ex.getMessage());
        }
    }
}
